/**
 * Browser sign-in and what the signed-in member sees of their identity: the authentication
 * mechanism for {@code /t/{tenant}/}, the home page, API tokens, sign-out.
 */
package jp.sapphire.identity.view;
