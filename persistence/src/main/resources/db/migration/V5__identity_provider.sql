-- Each tenant signs in through its own OpenID Connect provider (whitepaper §8, §10).
CREATE TABLE identity_provider (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid         NOT NULL REFERENCES tenant (id),
    issuer               varchar(512) NOT NULL,
    client_id            varchar(255) NOT NULL,
    -- AES-256-GCM: 12-byte nonce followed by ciphertext and tag, bound to the tenant id.
    client_secret        bytea        NOT NULL,
    client_secret_key_id varchar(32)  NOT NULL,
    scopes               varchar(512) NOT NULL DEFAULT 'openid profile email',
    groups_claim         varchar(100) NOT NULL DEFAULT 'groups',
    email_claim          varchar(100) NOT NULL DEFAULT 'email',
    name_claim           varchar(100) NOT NULL DEFAULT 'name',
    -- MFA rule for privileged roles: any one of these amr values, and/or exactly this acr.
    mfa_amr_values       varchar(255),
    mfa_acr_value        varchar(255),
    updated_at           timestamptz  NOT NULL,
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT identity_provider_one_per_tenant UNIQUE (tenant_id)
);

ALTER TABLE identity_provider ENABLE ROW LEVEL SECURITY;
ALTER TABLE identity_provider FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON identity_provider
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON identity_provider TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON identity_provider TO sapphire_system;
