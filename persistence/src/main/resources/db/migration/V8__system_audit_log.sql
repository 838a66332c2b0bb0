-- The provider's system audit log (whitepaper §14): sign-ins, sign-outs, tokens, role bindings,
-- refused access. Provider-side: customers cannot read or change it. Append-only: the only
-- login that can write it (sapphire_system) may insert and read, never update or delete.
CREATE TABLE system_audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz  NOT NULL,
    event          varchar(40)  NOT NULL,
    outcome        varchar(10)  NOT NULL CONSTRAINT system_audit_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    -- Which tenant the event concerns, if any (not named tenant_id: this is not tenant data).
    tenant_ref     uuid,
    actor          varchar(800),
    detail         varchar(1000),
    remote_address varchar(64),
    user_agent     varchar(300)
);
CREATE INDEX system_audit_log_tenant_idx ON system_audit_log (tenant_ref, occurred_at);

COMMENT ON TABLE system_audit_log IS 'provider-side: system audit log, append-only';

GRANT SELECT, INSERT ON system_audit_log TO sapphire_system;
GRANT USAGE ON SEQUENCE system_audit_log_id_seq TO sapphire_system;
