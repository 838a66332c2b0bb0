package jp.sapphire.audit.entity;

/** The kinds of event the system audit log records. */
public enum SystemEvent {
    SIGN_IN,
    /** An operator's login at the management endpoint refused (the login guard, server-config). */
    OPERATOR_SIGN_IN,
    SIGN_OUT,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    ROLE_BINDING_GRANTED,
    ROLE_BINDING_REVOKED,
    IDENTITY_PROVIDER_CHANGED,
    PRIVILEGED_ACCOUNTS_CHANGED,
    /** The operators' console: a tenant opened, suspended, resumed. */
    TENANT_CREATED,
    TENANT_SUSPENDED,
    TENANT_RESUMED,
    ACCESS_REFUSED,
    /** An approver named a deputy (代理承認), or ended it. */
    DELEGATION_CREATED,
    DELEGATION_REVOKED,
    /** Requests refused by a rate limit, counted per limit (at most one entry a minute each). */
    RATE_LIMITED,
    /** A check of a tenant's action log chain; its detail is the anchor the next check starts from. */
    ACTION_LOG_VERIFIED,
    /** Backup operations (docs/BACKUP.md): a generation written, checked, pruned, restored. */
    BACKUP_CREATED,
    BACKUP_VERIFIED,
    BACKUP_PRUNED,
    BACKUP_RESTORE_DRILL,
    BACKUP_TENANT_RESTORED,
    BACKUP_LISTED,
    BACKUP_RESTORE_NOTICE,
    BACKUP_RESTORED_LIVE,
    /** Point-in-time recovery (docs/BACKUP.md): a base backup, a check of the repository, its recovery points listed, a drill, the live cluster restored. */
    PITR_BACKUP,
    PITR_VERIFIED,
    PITR_LISTED,
    PITR_DRILL,
    PITR_RESTORED_LIVE,
    MAINTENANCE_CHANGED,
    /** A change in the tenant admin console (also in the tenant's privileged activity log). */
    PRIVILEGED_CHANGE,
    /** なりかわり: a tenant administrator began or ended acting as a member. */
    IMPERSONATION_STARTED,
    IMPERSONATION_ENDED,
    /** Whitepaper §4: a tenant administrator asked for the deletion of the tenant's data at contract end. */
    TENANT_DELETION_REQUESTED,
    /** The request was withdrawn by a tenant administrator before the provider executed it. */
    TENANT_DELETION_WITHDRAWN,
    /** Every row of a tenant deleted (by an operator, or by the daily job before the due date). */
    TENANT_DELETED,
    /** Whitepaper §12: a change notice published to every tenant, or its status changed (applied, cancelled). */
    CHANGE_NOTICE_PUBLISHED,
    CHANGE_NOTICE_SETTLED,
    /** Whitepaper §19: an incident opened, a notice of it posted to the affected tenants, and its resolution. */
    INCIDENT_OPENED,
    INCIDENT_UPDATED,
    INCIDENT_RESOLVED,
    /** Monitoring (docs/MONITORING.md): an alert to the operators raised, or cleared; a threshold set by an operator. */
    ALERT_RAISED,
    ALERT_CLEARED,
    ALERT_THRESHOLD_SET
}
