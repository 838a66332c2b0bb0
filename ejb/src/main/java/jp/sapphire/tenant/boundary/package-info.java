/**
 * Tenants as the provider manages them: provisioning (operator path, provider-side data) and
 * the demo tenant of the README run server.
 */
package jp.sapphire.tenant.boundary;
