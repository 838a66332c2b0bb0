/** The tenant's departments and who belongs to them. */
package jp.sapphire.organization.boundary;
