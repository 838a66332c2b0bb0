/**
 * Tenants and the first lock of tenant isolation: {@link jp.sapphire.tenant.entity.TenantOwned}
 * is the mapped superclass of every customer-owned entity, filtered by EclipseLink's tenant
 * discriminator. The second lock, PostgreSQL row-level security, is in
 * {@code jp.sapphire.tenant.control}.
 */
package jp.sapphire.tenant.entity;
