-- Personal API tokens. The token itself is never stored: only its id (the JWT's jti), so a
-- token can be listed and revoked but not recovered.
CREATE TABLE api_token (
    id         uuid PRIMARY KEY,
    tenant_id  uuid         NOT NULL REFERENCES tenant (id),
    member_id  uuid         NOT NULL,
    name       varchar(100) NOT NULL,
    created_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    revoked_at timestamptz,
    version    bigint       NOT NULL DEFAULT 0,
    CONSTRAINT api_token_member FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id),
    CONSTRAINT api_token_lifetime CHECK (expires_at > created_at AND expires_at <= created_at + interval '90 days')
);
CREATE INDEX api_token_member_idx ON api_token (tenant_id, member_id, created_at DESC);

ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_token
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON api_token TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON api_token TO sapphire_system;
