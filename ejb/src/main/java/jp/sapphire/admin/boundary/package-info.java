/**
 * The tenant admin console (テナント管理): members, role bindings and the privileged activity log.
 * Every method is for {@code TENANT_ADMIN} only, and every change is written to the privileged
 * activity log in its own transaction.
 */
package jp.sapphire.admin.boundary;
