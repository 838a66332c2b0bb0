package jp.sapphire.tenant.entity;

/** Contract state of a tenant; a {@code TERMINATED} tenant is awaiting deletion. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
