-- Approval routes (承認ルート): ordered steps, each naming its approver as the applicant's
-- manager N levels up, a member, or any holder of a role. Routes and steps apply when their
-- conditions hold (total at least an amount, a line in one of some categories, the applicant in
-- a department or below it); routes have effective dates and a priority.
CREATE TABLE approval_route (
    id             uuid PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id),
    name           varchar(200) NOT NULL,
    priority       integer      NOT NULL,
    valid_from     date         NOT NULL,
    valid_to       date,
    min_total_yen  bigint       CONSTRAINT approval_route_min_total CHECK (min_total_yen >= 0),
    -- Category codes (勘定科目コード), comma-separated: the route applies if a line has one of them.
    category_codes varchar(400),
    department_id  uuid,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT approval_route_tenant_key UNIQUE (tenant_id, id),
    CONSTRAINT approval_route_department FOREIGN KEY (tenant_id, department_id) REFERENCES department (tenant_id, id),
    CONSTRAINT approval_route_dates CHECK (valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE approval_route_step (
    id             uuid PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id),
    route_id       uuid         NOT NULL,
    step_no        integer      NOT NULL CONSTRAINT approval_route_step_no CHECK (step_no > 0),
    name           varchar(100) NOT NULL,
    approver_kind  varchar(10)  NOT NULL,
    manager_levels integer,
    member_id      uuid,
    role           varchar(16),
    min_total_yen  bigint       CONSTRAINT approval_route_step_min_total CHECK (min_total_yen >= 0),
    category_codes varchar(400),
    department_id  uuid,
    CONSTRAINT approval_route_step_approver CHECK (
        (approver_kind = 'MANAGER' AND manager_levels BETWEEN 1 AND 10 AND member_id IS NULL AND role IS NULL)
     OR (approver_kind = 'MEMBER' AND member_id IS NOT NULL AND manager_levels IS NULL AND role IS NULL)
     OR (approver_kind = 'ROLE' AND role IN ('EMPLOYEE', 'APPROVER', 'ACCOUNTING', 'TENANT_ADMIN')
         AND manager_levels IS NULL AND member_id IS NULL)),
    CONSTRAINT approval_route_step_route FOREIGN KEY (tenant_id, route_id) REFERENCES approval_route (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT approval_route_step_member FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id),
    CONSTRAINT approval_route_step_department FOREIGN KEY (tenant_id, department_id) REFERENCES department (tenant_id, id),
    CONSTRAINT approval_route_step_order UNIQUE (tenant_id, route_id, step_no) DEFERRABLE INITIALLY DEFERRED
);

-- What a submission resolved its route to: one row per step that applied, with the approver it
-- named at that moment. Later edits of routes, departments or managers never change it.
CREATE TABLE report_approval_step (
    id            uuid PRIMARY KEY,
    tenant_id     uuid         NOT NULL REFERENCES tenant (id),
    report_id     uuid         NOT NULL,
    -- The submission this step belongs to (1 for the first, 2 after the first resubmission, ...).
    round         integer      NOT NULL CONSTRAINT report_approval_step_round CHECK (round > 0),
    step_no       integer      NOT NULL CONSTRAINT report_approval_step_no CHECK (step_no > 0),
    name          varchar(100) NOT NULL,
    route_name    varchar(200) NOT NULL,
    approver_kind varchar(10)  NOT NULL CONSTRAINT report_approval_step_kind CHECK (approver_kind IN ('MANAGER', 'MEMBER', 'ROLE')),
    approver_id   uuid,
    role          varchar(16),
    CONSTRAINT report_approval_step_approver CHECK ((approver_id IS NULL) <> (role IS NULL)),
    CONSTRAINT report_approval_step_report FOREIGN KEY (tenant_id, report_id) REFERENCES expense_report (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT report_approval_step_member FOREIGN KEY (tenant_id, approver_id) REFERENCES member (tenant_id, id),
    CONSTRAINT report_approval_step_unique UNIQUE (tenant_id, report_id, round, step_no)
);
CREATE INDEX report_approval_step_approver_idx ON report_approval_step (tenant_id, approver_id);

ALTER TABLE expense_report
    ADD COLUMN approval_round integer NOT NULL DEFAULT 0,
    -- The step awaiting a decision while SUBMITTED; NULL otherwise.
    ADD COLUMN current_step integer;

-- Reports submitted before routes existed have no route to wait on: they go back to their
-- applicants, to be submitted again along a route. Row-level security applies to this
-- migration too, so each tenant's rows are changed as that tenant.
DO $$
DECLARE
    t uuid;
BEGIN
    FOR t IN SELECT id FROM tenant LOOP
        PERFORM set_config('sapphire.tenant_id', t::text, true);
        UPDATE expense_report SET status = 'RETURNED' WHERE status = 'SUBMITTED';
    END LOOP;
    PERFORM set_config('sapphire.tenant_id', '', true);
END $$;

ALTER TABLE expense_report
    ADD CONSTRAINT expense_report_current_step CHECK ((status = 'SUBMITTED') = (current_step IS NOT NULL));

-- 代理承認: a deputy acts for an approver on the days of a period (both days included).
CREATE TABLE approval_delegation (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    delegator_id uuid        NOT NULL,
    deputy_id    uuid        NOT NULL,
    valid_from   date        NOT NULL,
    valid_to     date        NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT approval_delegation_delegator FOREIGN KEY (tenant_id, delegator_id) REFERENCES member (tenant_id, id),
    CONSTRAINT approval_delegation_deputy FOREIGN KEY (tenant_id, deputy_id) REFERENCES member (tenant_id, id),
    CONSTRAINT approval_delegation_not_self CHECK (delegator_id <> deputy_id),
    CONSTRAINT approval_delegation_dates CHECK (valid_from <= valid_to)
);
CREATE INDEX approval_delegation_deputy_idx ON approval_delegation (tenant_id, deputy_id, valid_from);

ALTER TABLE approval_route ENABLE ROW LEVEL SECURITY;
ALTER TABLE approval_route FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON approval_route
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE approval_route_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE approval_route_step FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON approval_route_step
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE report_approval_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_approval_step FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON report_approval_step
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE approval_delegation ENABLE ROW LEVEL SECURITY;
ALTER TABLE approval_delegation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON approval_delegation
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON approval_route, approval_route_step, approval_delegation TO sapphire_app;
-- A snapshot is written once and never changed.
GRANT SELECT, INSERT ON report_approval_step TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON approval_route, approval_route_step, report_approval_step, approval_delegation
    TO sapphire_system;
