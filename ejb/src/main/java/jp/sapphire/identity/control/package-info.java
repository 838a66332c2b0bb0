/**
 * Rules of identity: which roles a signed-in member holds (bindings, the privileged-account
 * switch, the MFA rule), who is signed in to a request, the guard of the admin console, and how
 * SAPPHIRE signs the API tokens it issues.
 */
package jp.sapphire.identity.control;
