package jp.sapphire.onboarding.boundary;

import javax.management.OperationsException;

/**
 * The operators' tenant console, as JMX operations on {@code jp.sapphire:type=Tenants} (through
 * Liberty's REST connector on the management endpoint, as the CLI {@code sapphire-admin tenant ...}
 * calls them). Answers about tenants are JSON objects (for scripts, and for the CLI to put into
 * words); deletions answer in text. A refusal is an {@link OperationsException} saying why.
 */
public interface TenantConsoleMBean {

    /** Opens a tenant: its id (2 to 63 of a-z, 0-9, -), name and data region (asia, us). */
    String createTenant(String slug, String name, String region) throws OperationsException;

    /** Every tenant: id, name, region, status, created, privileged account. */
    String listTenants() throws OperationsException;

    /** One tenant's usage: members, reports per month, receipts and their bytes, storage, last sign-in and activity. */
    String showTenant(String slug) throws OperationsException;

    /** Stops the tenant's sign-ins and API calls from its members' next request; its data stays. */
    String suspendTenant(String slug) throws OperationsException;

    String resumeTenant(String slug) throws OperationsException;

    /**
     * Connects the tenant to its IdP, checked against the issuer's discovery document and keys
     * first. Claim names empty for the usual ones (name, email, groups); {@code mfaAmr} a comma list.
     */
    String setIdentityProvider(String slug, String issuer, String clientId, String clientSecret, String nameClaim,
                               String emailClaim, String groupsClaim, String mfaAmr, String mfaAcr) throws OperationsException;

    /** Issues the privileged account and binds TENANT_ADMIN to a SUBJECT (IdP user ID) or GROUP. */
    String enablePrivilegedAccount(String slug, String kind, String value) throws OperationsException;

    String withdrawPrivilegedAccount(String slug) throws OperationsException;

    /** One line per deletion request: tenant, requested (UTC, by whom), due, executed. */
    String[] listDeletions() throws OperationsException;

    /** Deletes the data of a tenant that requested it, now; answers the deletion certificate. */
    String deleteTenant(String tenantSlug) throws OperationsException;

    /** Runs the daily job now: deletes every tenant whose request falls due within the margin. */
    String deleteDue() throws OperationsException;
}
