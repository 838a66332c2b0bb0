/**
 * Rules of identity: which roles a signed-in member holds (bindings, the privileged-account
 * switch, the MFA rule), and how SAPPHIRE signs the API tokens it issues.
 */
package jp.sapphire.identity.control;
