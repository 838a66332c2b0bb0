/**
 * Members of the caller's tenant: registration (at first sign-in) and look-up by IdP identity.
 */
package jp.sapphire.identity.boundary;
