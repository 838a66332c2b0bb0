-- Expense reports (経費申請), minimal: later migrations add lines, receipts and approval state.
CREATE TABLE expense_report (
    id         uuid PRIMARY KEY,
    tenant_id  uuid         NOT NULL REFERENCES tenant (id),
    owner_id   uuid         NOT NULL,
    title      varchar(200) NOT NULL,
    status     varchar(16)  NOT NULL,
    total_yen  bigint       NOT NULL DEFAULT 0 CONSTRAINT expense_report_total CHECK (total_yen >= 0),
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    bigint       NOT NULL DEFAULT 0,
    CONSTRAINT expense_report_owner FOREIGN KEY (tenant_id, owner_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX expense_report_owner_idx ON expense_report (tenant_id, owner_id, created_at DESC);

ALTER TABLE expense_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE expense_report FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expense_report
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON expense_report TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON expense_report TO sapphire_system;
