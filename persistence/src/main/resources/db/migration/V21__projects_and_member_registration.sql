-- Projects / cost centres (プロジェクト・原価センター): a master the tenant keeps (by hand or as
-- CSV); a report may be charged to one of them.
CREATE TABLE project (
    id          uuid PRIMARY KEY,
    tenant_id   uuid         NOT NULL REFERENCES tenant (id),
    code        varchar(20)  NOT NULL CONSTRAINT project_code_format CHECK (code ~ '^[A-Za-z0-9_-]+$'),
    name        varchar(100) NOT NULL,
    cost_centre varchar(20),
    active      boolean      NOT NULL DEFAULT true,
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT project_code UNIQUE (tenant_id, code),
    CONSTRAINT project_tenant_key UNIQUE (tenant_id, id)
);

ALTER TABLE project ENABLE ROW LEVEL SECURITY;
ALTER TABLE project FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON project
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON project TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON project TO sapphire_system;

ALTER TABLE expense_report
    ADD COLUMN project_id uuid,
    ADD CONSTRAINT expense_report_project FOREIGN KEY (tenant_id, project_id) REFERENCES project (tenant_id, id);

-- A member registered ahead by an administrator, before their first sign-in: by IdP subject
-- (issuer and subject known) or by e-mail only (issuer and subject NULL until the first sign-in
-- whose e-mail matches). The IdP groups of the last sign-in let an API token be checked against
-- the role bindings as they are now.
ALTER TABLE member
    ALTER COLUMN issuer DROP NOT NULL,
    ALTER COLUMN subject DROP NOT NULL,
    ADD CONSTRAINT member_identity_or_email CHECK ((issuer IS NULL) = (subject IS NULL)
        AND (subject IS NOT NULL OR email IS NOT NULL)),
    ADD COLUMN idp_groups varchar(4000) NOT NULL DEFAULT '';
CREATE UNIQUE INDEX member_pending_email ON member (tenant_id, lower(email)) WHERE subject IS NULL;
