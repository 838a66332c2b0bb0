-- Capacity watched around the clock (issue 19, whitepaper §6, §14): the last run of each daily job,
-- the servers seen, the operators' alerts and thresholds, and the operators' own outbox.
-- docs/MONITORING.md. All provider-side: no tenant's content.

-- The last run of each daily job (backup, deletions at contract end, alert evaluation).
CREATE TABLE job_run (
    job         varchar(40)  PRIMARY KEY,
    server      varchar(200) NOT NULL,
    started_at  timestamptz  NOT NULL,
    finished_at timestamptz,
    outcome     varchar(10)  CONSTRAINT job_run_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    -- The backup: whether the new generation was read back and opened.
    verified    boolean,
    detail      varchar(500)
);
COMMENT ON TABLE job_run IS 'provider-side: the last run of each daily job';

-- Each server, as it last said it was alive (every minute).
CREATE TABLE server_heartbeat (
    server     varchar(200) PRIMARY KEY,
    started_at timestamptz  NOT NULL,
    seen_at    timestamptz  NOT NULL,
    batch      boolean      NOT NULL
);
COMMENT ON TABLE server_heartbeat IS 'provider-side: the servers sharing this database and when each was last seen';

-- An alert: raised when a condition held, mailed again while it holds, cleared when it ends. At
-- most one open alert per key.
CREATE TABLE monitor_alert (
    id          uuid         PRIMARY KEY,
    alert_key   varchar(120) NOT NULL,
    detail      varchar(500) NOT NULL,
    raised_at   timestamptz  NOT NULL,
    notified_at timestamptz  NOT NULL,
    cleared_at  timestamptz
);
CREATE UNIQUE INDEX monitor_alert_open ON monitor_alert (alert_key) WHERE cleared_at IS NULL;
CREATE INDEX monitor_alert_raised_idx ON monitor_alert (raised_at);
COMMENT ON TABLE monitor_alert IS 'provider-side: alerts to the operators, open and cleared';

-- Thresholds the operators set in place of the configured defaults (sapphire-admin alert threshold).
CREATE TABLE monitor_threshold (
    name       varchar(120) PRIMARY KEY,
    value      varchar(100) NOT NULL,
    changed_at timestamptz  NOT NULL,
    changed_by varchar(200) NOT NULL
);
COMMENT ON TABLE monitor_threshold IS 'provider-side: alert thresholds set by operators';

-- Mail to the operators (alerts), delivered and retried as the tenants' outbox is.
CREATE TABLE operator_mail (
    id              uuid PRIMARY KEY,
    recipient       varchar(320)  NOT NULL,
    subject         varchar(300)  NOT NULL,
    body            varchar(8000) NOT NULL,
    created_at      timestamptz   NOT NULL,
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      varchar(500)
);
CREATE INDEX operator_mail_due_idx ON operator_mail (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
COMMENT ON TABLE operator_mail IS 'provider-side: e-mail to the operators';

GRANT SELECT, INSERT, UPDATE ON job_run, server_heartbeat, monitor_alert, monitor_threshold, operator_mail TO sapphire_system;
GRANT DELETE ON server_heartbeat, monitor_threshold TO sapphire_system;

-- Counts and sizes per tenant for the capacity gauges: the rows of the main tables and the bytes of
-- receipts, of every tenant not terminated, never a row's content. Like tenant_usage (V25) it names
-- each tenant for row-level security in turn.
CREATE FUNCTION tenant_storage()
    RETURNS TABLE (tenant uuid, members bigint, reports bigint, lines bigint, receipts bigint, receipt_bytes bigint,
                   log_entries bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    t uuid;
BEGIN
    FOR t IN SELECT id FROM tenant WHERE status <> 'TERMINATED' ORDER BY id LOOP
        PERFORM set_config('sapphire.tenant_id', t::text, true);
        tenant := t;
        members := (SELECT count(*) FROM member);
        reports := (SELECT count(*) FROM expense_report);
        lines := (SELECT count(*) FROM expense_line);
        receipts := (SELECT count(*) FROM receipt);
        receipt_bytes := (SELECT coalesce(sum(size_bytes), 0)::bigint FROM receipt);
        log_entries := (SELECT count(*) FROM action_log);
        RETURN NEXT;
    END LOOP;
    PERFORM set_config('sapphire.tenant_id', '', true);
END $$;
REVOKE ALL ON FUNCTION tenant_storage() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_storage() TO sapphire_system;
