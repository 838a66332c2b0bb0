/**
 * Members of the caller's tenant, their sign-in, role bindings, API tokens and the tenant's IdP
 * settings.
 */
package jp.sapphire.identity.boundary;
