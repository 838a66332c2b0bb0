-- Accounting books it (issue 17): the invoice status of a line (インボイス区分) with accounting's
-- override, how each category is booked, and the journal exports' settings. docs/JOURNALS.md.

-- When a report was paid, for journals by payment date. Reports paid before this column: the
-- moment of their last change, which for a paid report is its payment.
ALTER TABLE expense_report ADD COLUMN paid_at timestamptz;
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenant LOOP
        PERFORM set_config('sapphire.tenant_id', t.id::text, true);
        UPDATE expense_report SET paid_at = updated_at WHERE status = 'PAID' AND paid_at IS NULL;
    END LOOP;
    PERFORM set_config('sapphire.tenant_id', '', true);
END $$;
CREATE INDEX expense_report_paid_idx ON expense_report (tenant_id, status, paid_at);

-- 少額特例: the tenant is a business that may deduct purchases under ¥10,000 without an invoice.
ALTER TABLE expense_policy ADD COLUMN small_amount_exemption boolean NOT NULL DEFAULT false;

-- How a category is booked: the account (勘定科目) and sub-account as the customer's accounting
-- software names them, and whether its lines need no invoice (公共交通機関特例, 出張旅費等特例).
CREATE TABLE category_accounting (
    id             uuid PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id),
    category_id    uuid         NOT NULL,
    account_name   varchar(40)  NOT NULL,
    account_code   varchar(20)  NOT NULL DEFAULT '',
    sub_account    varchar(40)  NOT NULL DEFAULT '',
    invoice_special varchar(16) NOT NULL DEFAULT 'NONE'
                   CONSTRAINT category_accounting_special CHECK (invoice_special IN ('NONE', 'PUBLIC_TRANSPORT', 'BUSINESS_TRAVEL')),
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT category_accounting_category FOREIGN KEY (tenant_id, category_id) REFERENCES expense_category (tenant_id, id),
    CONSTRAINT category_accounting_one UNIQUE (tenant_id, category_id)
);

-- Accounting's word on a line's invoice status, with the reason; the action log records it. It
-- answers the line as it was: a change of the line removes it.
CREATE TABLE invoice_override (
    id            uuid PRIMARY KEY,
    tenant_id     uuid         NOT NULL REFERENCES tenant (id),
    line_id       uuid         NOT NULL,
    status        varchar(20)  NOT NULL
                  CONSTRAINT invoice_override_status CHECK (status IN ('QUALIFIED', 'TRANSITIONAL', 'PUBLIC_TRANSPORT',
                                                                      'BUSINESS_TRAVEL', 'SMALL_AMOUNT')),
    reason        varchar(500) NOT NULL CONSTRAINT invoice_override_reason CHECK (length(btrim(reason)) > 0),
    overridden_by uuid         NOT NULL,
    overridden_at timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT invoice_override_line FOREIGN KEY (tenant_id, line_id) REFERENCES expense_line (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT invoice_override_member FOREIGN KEY (tenant_id, overridden_by) REFERENCES member (tenant_id, id),
    CONSTRAINT invoice_override_one UNIQUE (tenant_id, line_id)
);

-- The tenant's journal settings: one journal line per expense line or per report, the accounts of
-- the two entries (expense / 未払金 at approval, 未払金 / 普通預金 at payment), 部門 and project.
CREATE TABLE journal_settings (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    granularity      varchar(8)  NOT NULL DEFAULT 'LINE' CONSTRAINT journal_granularity CHECK (granularity IN ('LINE', 'REPORT')),
    payable_account  varchar(40) NOT NULL DEFAULT '未払金',
    payable_code     varchar(20) NOT NULL DEFAULT '',
    bank_account     varchar(40) NOT NULL DEFAULT '普通預金',
    bank_code        varchar(20) NOT NULL DEFAULT '',
    bank_sub_account varchar(40) NOT NULL DEFAULT '',
    department_as    varchar(8)  NOT NULL DEFAULT 'NAME' CONSTRAINT journal_department CHECK (department_as IN ('NONE', 'NAME', 'CODE')),
    project_as       varchar(12) NOT NULL DEFAULT 'NONE'
                     CONSTRAINT journal_project CHECK (project_as IN ('NONE', 'SUB_ACCOUNT', 'SEGMENT')),
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT journal_settings_one UNIQUE (tenant_id)
);

-- A tax class's name in one accounting software, fully deductible (適格, 特例) and under the
-- transitional measure ({percent} stands for the deductible share), where the tenant's software
-- names it otherwise than SAPPHIRE's defaults.
CREATE TABLE journal_tax_name (
    id                uuid PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenant (id),
    software          varchar(8)  NOT NULL CONSTRAINT journal_tax_software CHECK (software IN ('YAYOI', 'FREEE', 'MF')),
    tax_class         varchar(16) NOT NULL
                      CONSTRAINT journal_tax_class CHECK (tax_class IN ('STANDARD_10', 'REDUCED_8', 'EXEMPT', 'NON_TAXABLE')),
    qualified_name    varchar(40) NOT NULL,
    transitional_name varchar(40) NOT NULL,
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT journal_tax_name_one UNIQUE (tenant_id, software, tax_class)
);

ALTER TABLE category_accounting ENABLE ROW LEVEL SECURITY;
ALTER TABLE category_accounting FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON category_accounting
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON category_accounting TO sapphire_app;

ALTER TABLE invoice_override ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_override FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_override
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON invoice_override TO sapphire_app;

ALTER TABLE journal_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON journal_settings
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON journal_settings TO sapphire_app;

ALTER TABLE journal_tax_name ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_tax_name FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON journal_tax_name
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON journal_tax_name TO sapphire_app;
