/**
 * The relying-party side of OpenID Connect: provider metadata and signing keys (cached), the
 * authorization request with PKCE, the code exchange and every check of the ID token.
 */
package jp.sapphire.identity.control;
