-- The action log (アクションログ, whitepaper §14): every event of a report from creation to
-- payment, written in the transaction of the change. Append-only: the application may insert and
-- read, never update or delete; only the provider's purge at contract end (sapphire_system)
-- deletes. Each tenant's entries form a chain: seq counts 1, 2, 3, ... and each entry's hash is an
-- HMAC-SHA-256, under a key the database never sees, of its content and the previous entry's
-- hash, so a verifier detects an altered or removed entry.
CREATE TABLE action_log (
    id              uuid PRIMARY KEY,
    tenant_id       uuid         NOT NULL REFERENCES tenant (id),
    seq             bigint       NOT NULL CONSTRAINT action_log_seq_positive CHECK (seq > 0),
    occurred_at     timestamptz  NOT NULL,
    -- No foreign key: the log outlives a deleted draft.
    report_id       uuid         NOT NULL,
    line_id         uuid,
    action          varchar(20)  NOT NULL,
    actor_id        uuid,
    on_behalf_of_id uuid,
    -- The provider's operator acting as the member (impersonation, whitepaper §9), if any.
    impersonator    varchar(200),
    status_before   varchar(16),
    status_after    varchar(16),
    step_before     integer,
    step_after      integer,
    comment         varchar(2000),
    key_id          varchar(32)  NOT NULL,
    prev_hash       char(64)     NOT NULL,
    hash            char(64)     NOT NULL,
    CONSTRAINT action_log_seq UNIQUE (tenant_id, seq),
    CONSTRAINT action_log_actor FOREIGN KEY (tenant_id, actor_id) REFERENCES member (tenant_id, id),
    CONSTRAINT action_log_on_behalf_of FOREIGN KEY (tenant_id, on_behalf_of_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX action_log_report_idx ON action_log (tenant_id, report_id, seq);
CREATE INDEX action_log_time_idx ON action_log (tenant_id, occurred_at);

-- Grants keep the application out; this keeps out everyone else who is not the purge.
CREATE FUNCTION action_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_user = 'sapphire_system' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the action log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER action_log_append_only BEFORE UPDATE OR DELETE ON action_log
    FOR EACH ROW EXECUTE FUNCTION action_log_append_only();

ALTER TABLE action_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE action_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON action_log
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT ON action_log TO sapphire_app;
GRANT SELECT, DELETE ON action_log TO sapphire_system;
