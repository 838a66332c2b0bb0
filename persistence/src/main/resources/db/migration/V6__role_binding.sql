-- Roles granted to IdP subjects or IdP groups, evaluated at every sign-in.
CREATE TABLE role_binding (
    id         uuid PRIMARY KEY,
    tenant_id  uuid         NOT NULL REFERENCES tenant (id),
    role       varchar(16)  NOT NULL
               CONSTRAINT role_binding_role CHECK (role IN ('EMPLOYEE', 'APPROVER', 'ACCOUNTING', 'TENANT_ADMIN')),
    kind       varchar(8)   NOT NULL CONSTRAINT role_binding_kind CHECK (kind IN ('SUBJECT', 'GROUP')),
    value      varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL,
    CONSTRAINT role_binding_unique UNIQUE (tenant_id, role, kind, value)
);

ALTER TABLE role_binding ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_binding FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON role_binding
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON role_binding TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON role_binding TO sapphire_system;
