-- Members of a tenant, identified by their IdP's issuer and subject, never by e-mail.
CREATE TABLE member (
    id           uuid PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenant (id),
    issuer       varchar(512) NOT NULL,
    subject      varchar(255) NOT NULL,
    display_name varchar(200) NOT NULL,
    email        varchar(320),
    time_zone    varchar(64)  NOT NULL DEFAULT 'Asia/Tokyo',
    locale       varchar(16)  NOT NULL DEFAULT 'ja',
    active       boolean      NOT NULL DEFAULT true,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    version      bigint       NOT NULL DEFAULT 0,
    -- Unique keys always include tenant_id: a key shared across tenants would let one tenant
    -- learn of another's rows through a constraint violation.
    CONSTRAINT member_identity UNIQUE (tenant_id, issuer, subject),
    -- Target of composite foreign keys, so a row can only point at a member of its own tenant.
    CONSTRAINT member_tenant_key UNIQUE (tenant_id, id)
);

ALTER TABLE member ENABLE ROW LEVEL SECURITY;
ALTER TABLE member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON member TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON member TO sapphire_system;
