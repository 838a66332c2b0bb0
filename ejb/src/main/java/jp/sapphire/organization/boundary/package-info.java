/**
 * The tenant's departments as members and approvals read them.
 */
package jp.sapphire.organization.boundary;
