package jp.sapphire.audit.entity;

/** The kinds of event the system audit log records. */
public enum SystemEvent {
    SIGN_IN,
    SIGN_OUT,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    ROLE_BINDING_GRANTED,
    ROLE_BINDING_REVOKED,
    IDENTITY_PROVIDER_CHANGED,
    PRIVILEGED_ACCOUNTS_CHANGED,
    ACCESS_REFUSED,
    /** A check of a tenant's action log chain; its detail is the anchor the next check starts from. */
    ACTION_LOG_VERIFIED
}
