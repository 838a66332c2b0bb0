/**
 * The relying-party side of OpenID Connect: provider metadata and signing keys (cached), the
 * authorization request with PKCE and the sign-in it leaves waiting, the code exchange, every
 * check of the ID token, and why a sign-in failed.
 */
package jp.sapphire.identity.control;
