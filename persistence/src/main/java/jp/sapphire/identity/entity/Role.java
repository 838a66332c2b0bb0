package jp.sapphire.identity.entity;

/**
 * What a member may do. {@link #TENANT_ADMIN} is the privileged account (特権アカウント): it
 * exists for a tenant only once the provider has enabled it, and may demand MFA at the IdP.
 */
public enum Role {
    EMPLOYEE,
    APPROVER,
    ACCOUNTING,
    TENANT_ADMIN;

    public boolean isPrivileged() {
        return this == TENANT_ADMIN;
    }
}
