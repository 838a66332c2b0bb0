/**
 * Browser sign-in and what the signed-in member sees of their identity: the tenant chooser, the
 * authentication mechanism for {@code /t/{tenant}/} and its error page, the browser session and
 * the member it holds, impersonation, API tokens, sign-out.
 */
package jp.sapphire.identity.view;
