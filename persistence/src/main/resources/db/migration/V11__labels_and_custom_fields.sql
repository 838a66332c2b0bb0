-- Whitepaper §7: customers label and classify expense metadata themselves. Labels (key → value)
-- on reports, with the allowed values a tenant defines; custom fields on lines, per category.

CREATE TABLE label_definition (
    id             uuid PRIMARY KEY,
    tenant_id      uuid          NOT NULL REFERENCES tenant (id),
    label_key      varchar(50)   NOT NULL CONSTRAINT label_definition_key CHECK (label_key ~ '^[a-z0-9][a-z0-9_-]*$'),
    name           varchar(100)  NOT NULL,
    -- Newline-separated; NULL means any text up to 200 characters.
    allowed_values varchar(4000),
    version        bigint        NOT NULL DEFAULT 0,
    CONSTRAINT label_definition_unique UNIQUE (tenant_id, label_key)
);

CREATE TABLE expense_report_label (
    id        uuid PRIMARY KEY,
    tenant_id uuid         NOT NULL REFERENCES tenant (id),
    report_id uuid         NOT NULL,
    label_key varchar(50)  NOT NULL,
    value     varchar(200) NOT NULL,
    CONSTRAINT expense_report_label_report FOREIGN KEY (tenant_id, report_id) REFERENCES expense_report (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT expense_report_label_definition FOREIGN KEY (tenant_id, label_key) REFERENCES label_definition (tenant_id, label_key),
    CONSTRAINT expense_report_label_unique UNIQUE (tenant_id, report_id, label_key)
);

CREATE TABLE custom_field (
    id          uuid PRIMARY KEY,
    tenant_id   uuid          NOT NULL REFERENCES tenant (id),
    field_key   varchar(50)   NOT NULL CONSTRAINT custom_field_key CHECK (field_key ~ '^[a-z0-9][a-z0-9_-]*$'),
    name        varchar(100)  NOT NULL,
    field_type  varchar(8)    NOT NULL CONSTRAINT custom_field_type CHECK (field_type IN ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
    required    boolean       NOT NULL DEFAULT false,
    -- Newline-separated choices of a CHOICE field.
    choices     varchar(4000),
    -- The category whose lines carry the field; NULL: every line.
    category_id uuid,
    version     bigint        NOT NULL DEFAULT 0,
    CONSTRAINT custom_field_unique UNIQUE (tenant_id, field_key),
    CONSTRAINT custom_field_tenant_key UNIQUE (tenant_id, id),
    CONSTRAINT custom_field_category FOREIGN KEY (tenant_id, category_id) REFERENCES expense_category (tenant_id, id)
);

CREATE TABLE expense_line_field (
    id        uuid PRIMARY KEY,
    tenant_id uuid          NOT NULL REFERENCES tenant (id),
    line_id   uuid          NOT NULL,
    field_id  uuid          NOT NULL,
    value     varchar(1000) NOT NULL,
    CONSTRAINT expense_line_field_line FOREIGN KEY (tenant_id, line_id) REFERENCES expense_line (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT expense_line_field_field FOREIGN KEY (tenant_id, field_id) REFERENCES custom_field (tenant_id, id),
    CONSTRAINT expense_line_field_unique UNIQUE (tenant_id, line_id, field_id)
);

ALTER TABLE label_definition ENABLE ROW LEVEL SECURITY;
ALTER TABLE label_definition FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON label_definition
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE expense_report_label ENABLE ROW LEVEL SECURITY;
ALTER TABLE expense_report_label FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expense_report_label
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE custom_field ENABLE ROW LEVEL SECURITY;
ALTER TABLE custom_field FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON custom_field
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE expense_line_field ENABLE ROW LEVEL SECURITY;
ALTER TABLE expense_line_field FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expense_line_field
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON label_definition, expense_report_label, custom_field, expense_line_field TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON label_definition, expense_report_label, custom_field, expense_line_field TO sapphire_system;
