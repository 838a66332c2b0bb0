-- Reminders (issue 21, docs/APPROVAL.md "Reminders"): a daily digest to each approver of the
-- reports that have waited for them longer than the tenant's setting (business days), a mail to
-- the applicant when their report has waited that long, and, if the tenant turns it on, a mail to
-- the approver's own manager after a second period.
ALTER TABLE expense_policy
    ADD COLUMN reminder_days integer NOT NULL DEFAULT 3
        CONSTRAINT expense_policy_reminder_days CHECK (reminder_days BETWEEN 1 AND 20),
    -- Business days after the reminder; NULL: no escalation.
    ADD COLUMN escalation_days integer
        CONSTRAINT expense_policy_escalation_days CHECK (escalation_days BETWEEN 1 AND 20);

-- What was sent, so that each is sent once: a digest per approver and day (in the approver's
-- zone), the applicant's mail and the escalation per report, submission round and step.
CREATE TABLE approval_reminder (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    kind         varchar(10) NOT NULL CONSTRAINT approval_reminder_kind CHECK (kind IN ('DIGEST', 'STALLED', 'ESCALATED')),
    recipient_id uuid        NOT NULL,
    day          date,
    report_id    uuid,
    round        integer,
    step_no      integer,
    sent_at      timestamptz NOT NULL,
    CONSTRAINT approval_reminder_recipient FOREIGN KEY (tenant_id, recipient_id) REFERENCES member (tenant_id, id),
    CONSTRAINT approval_reminder_report FOREIGN KEY (tenant_id, report_id) REFERENCES expense_report (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT approval_reminder_what CHECK (
        (kind = 'DIGEST' AND day IS NOT NULL AND report_id IS NULL)
     OR (kind <> 'DIGEST' AND day IS NULL AND report_id IS NOT NULL AND round IS NOT NULL AND step_no IS NOT NULL))
);
CREATE UNIQUE INDEX approval_reminder_digest_once ON approval_reminder (tenant_id, recipient_id, day) WHERE kind = 'DIGEST';
CREATE UNIQUE INDEX approval_reminder_step_once ON approval_reminder (tenant_id, kind, report_id, round, step_no)
    WHERE kind <> 'DIGEST';

ALTER TABLE approval_reminder ENABLE ROW LEVEL SECURITY;
ALTER TABLE approval_reminder FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON approval_reminder
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON approval_reminder TO sapphire_app;
