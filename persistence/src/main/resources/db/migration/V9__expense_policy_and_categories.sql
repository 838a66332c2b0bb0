-- How a tenant runs expenses: tax rounding, duplicate handling, receipts; and its categories
-- (勘定科目) with their default tax class.

CREATE TABLE expense_policy (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    tax_rounding     varchar(16) NOT NULL DEFAULT 'TRUNCATE'
                     CONSTRAINT expense_policy_rounding CHECK (tax_rounding IN ('TRUNCATE', 'HALF_UP', 'CEILING')),
    duplicate_policy varchar(8)  NOT NULL DEFAULT 'WARN'
                     CONSTRAINT expense_policy_duplicates CHECK (duplicate_policy IN ('WARN', 'BLOCK')),
    receipt_required boolean     NOT NULL DEFAULT true,
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT expense_policy_one_per_tenant UNIQUE (tenant_id)
);

ALTER TABLE expense_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE expense_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expense_policy
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON expense_policy TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON expense_policy TO sapphire_system;

CREATE TABLE expense_category (
    id                uuid PRIMARY KEY,
    tenant_id         uuid         NOT NULL REFERENCES tenant (id),
    code              varchar(20)  NOT NULL,
    name              varchar(100) NOT NULL,
    kind              varchar(16)  NOT NULL DEFAULT 'GENERAL'
                      CONSTRAINT expense_category_kind CHECK (kind IN ('GENERAL', 'TRANSPORT', 'ENTERTAINMENT')),
    default_tax_class varchar(16)  NOT NULL
                      CONSTRAINT expense_category_tax CHECK (default_tax_class IN ('STANDARD_10', 'REDUCED_8', 'EXEMPT', 'NON_TAXABLE')),
    active            boolean      NOT NULL DEFAULT true,
    version           bigint       NOT NULL DEFAULT 0,
    CONSTRAINT expense_category_code UNIQUE (tenant_id, code),
    CONSTRAINT expense_category_tenant_key UNIQUE (tenant_id, id)
);

ALTER TABLE expense_category ENABLE ROW LEVEL SECURITY;
ALTER TABLE expense_category FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expense_category
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON expense_category TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON expense_category TO sapphire_system;
