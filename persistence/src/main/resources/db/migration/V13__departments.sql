-- Departments (部門): a hierarchy with a manager each. Approval routes name "the applicant's
-- manager, N levels up" through it. Members belong to at most one department.
CREATE TABLE department (
    id         uuid PRIMARY KEY,
    tenant_id  uuid         NOT NULL REFERENCES tenant (id),
    code       varchar(40)  NOT NULL,
    name       varchar(200) NOT NULL,
    parent_id  uuid,
    manager_id uuid,
    version    bigint       NOT NULL DEFAULT 0,
    CONSTRAINT department_code UNIQUE (tenant_id, code),
    CONSTRAINT department_tenant_key UNIQUE (tenant_id, id),
    CONSTRAINT department_parent FOREIGN KEY (tenant_id, parent_id) REFERENCES department (tenant_id, id),
    CONSTRAINT department_manager FOREIGN KEY (tenant_id, manager_id) REFERENCES member (tenant_id, id),
    CONSTRAINT department_not_own_parent CHECK (parent_id IS DISTINCT FROM id)
);

ALTER TABLE member
    ADD COLUMN department_id uuid,
    ADD CONSTRAINT member_department FOREIGN KEY (tenant_id, department_id) REFERENCES department (tenant_id, id),
    -- The roles the member held at their last sign-in (comma-separated): who to tell about a
    -- step any holder of a role may act on. Acting always checks the roles of the session.
    ADD COLUMN roles varchar(100) NOT NULL DEFAULT '';

ALTER TABLE department ENABLE ROW LEVEL SECURITY;
ALTER TABLE department FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON department
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON department TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON department TO sapphire_system;
