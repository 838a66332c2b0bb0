/**
 * The second lock of tenant isolation: PostgreSQL row-level security, fed with the tenant of
 * the transaction whenever EclipseLink takes a connection from the pool.
 */
package jp.sapphire.tenant.control;
