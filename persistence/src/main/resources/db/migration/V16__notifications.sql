-- In-app notifications (お知らせ) and the e-mail outbox. Mail is written in the transaction of
-- the change and delivered after it commits, with retries: a mail server that is down never
-- rolls back an approval.
CREATE TABLE notification (
    id           uuid PRIMARY KEY,
    tenant_id    uuid          NOT NULL REFERENCES tenant (id),
    member_id    uuid          NOT NULL,
    kind         varchar(20)   NOT NULL,
    report_id    uuid          NOT NULL,
    report_title varchar(200)  NOT NULL,
    actor_name   varchar(200),
    comment      varchar(2000),
    created_at   timestamptz   NOT NULL,
    read_at      timestamptz,
    CONSTRAINT notification_member FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX notification_member_idx ON notification (tenant_id, member_id, created_at DESC);

CREATE TABLE mail_outbox (
    id              uuid PRIMARY KEY,
    tenant_id       uuid          NOT NULL REFERENCES tenant (id),
    recipient       varchar(320)  NOT NULL,
    subject         varchar(300)  NOT NULL,
    body            varchar(8000) NOT NULL,
    created_at      timestamptz   NOT NULL,
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    sent_at         timestamptz,
    -- Set when the sender gives up after its last attempt.
    failed_at       timestamptz,
    last_error      varchar(500)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mail_outbox
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON notification, mail_outbox TO sapphire_app;
-- The sender finds the tenants with mail due as sapphire_system, then delivers as each tenant.
GRANT SELECT, INSERT, UPDATE, DELETE ON notification, mail_outbox TO sapphire_system;
