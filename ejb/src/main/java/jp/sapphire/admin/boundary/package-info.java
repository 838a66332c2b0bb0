/**
 * The tenant admin console (テナント管理): members, role bindings, impersonation, masters
 * (policy, categories, projects, departments), form configuration (fields, labels, routes), the
 * IdP, the privileged activity log and the deletion request at contract end. Only tenant
 * administrators (or the provider working for the tenant) call it, and every change is written
 * to the privileged activity log in its own transaction.
 */
package jp.sapphire.admin.boundary;
