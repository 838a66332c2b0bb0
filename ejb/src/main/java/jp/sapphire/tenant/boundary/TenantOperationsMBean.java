package jp.sapphire.tenant.boundary;

import javax.management.OperationsException;

/**
 * The operators' tenant console, as JMX operations on {@code jp.sapphire:type=Tenants} (through
 * Liberty's REST connector, like {@code jp.sapphire:type=Backups}). Answers are text for people.
 */
public interface TenantOperationsMBean {

    /** One line per deletion request: tenant, requested (UTC, by whom), due, executed. */
    String[] listDeletions() throws OperationsException;

    /** Deletes the data of a tenant that requested it, now; answers the deletion certificate. */
    String deleteTenant(String tenantSlug) throws OperationsException;

    /** Runs the daily job now: deletes every tenant whose request falls due within the margin. */
    String deleteDue() throws OperationsException;
}
