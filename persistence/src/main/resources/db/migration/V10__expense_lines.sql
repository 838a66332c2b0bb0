-- What a report says about itself, and its lines (明細). Amounts are yen, tax included; the tax
-- of a line is computed from its class by the tenant's rounding rule and stored with it.
ALTER TABLE expense_report
    ADD COLUMN purpose      varchar(1000),
    ADD COLUMN period_from  date,
    ADD COLUMN period_to    date,
    ADD COLUMN submitted_at timestamptz,
    ADD CONSTRAINT expense_report_period CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
    ADD CONSTRAINT expense_report_tenant_key UNIQUE (tenant_id, id);

CREATE TABLE expense_line (
    id             uuid PRIMARY KEY,
    tenant_id      uuid          NOT NULL REFERENCES tenant (id),
    report_id      uuid          NOT NULL,
    line_no        integer       NOT NULL CONSTRAINT expense_line_no CHECK (line_no > 0),
    spent_on       date          NOT NULL,
    category_id    uuid          NOT NULL,
    amount_yen     bigint        NOT NULL CONSTRAINT expense_line_amount CHECK (amount_yen > 0 AND amount_yen <= 100000000),
    foreign_amount numeric(15, 2),
    currency       char(3),
    exchange_rate  numeric(14, 6),
    tax_class      varchar(16)   NOT NULL
                   CONSTRAINT expense_line_tax CHECK (tax_class IN ('STANDARD_10', 'REDUCED_8', 'EXEMPT', 'NON_TAXABLE')),
    tax_yen        bigint        NOT NULL CONSTRAINT expense_line_tax_amount CHECK (tax_yen >= 0 AND tax_yen <= amount_yen),
    payee          varchar(200)  NOT NULL,
    invoice_number char(14)      CONSTRAINT expense_line_invoice CHECK (invoice_number ~ '^T[0-9]{13}$'),
    description    varchar(1000),
    attendees      varchar(1000),
    route_from     varchar(100),
    route_to       varchar(100),
    round_trip     boolean,
    version        bigint        NOT NULL DEFAULT 0,
    CONSTRAINT expense_line_report FOREIGN KEY (tenant_id, report_id) REFERENCES expense_report (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT expense_line_category FOREIGN KEY (tenant_id, category_id) REFERENCES expense_category (tenant_id, id),
    CONSTRAINT expense_line_foreign CHECK ((foreign_amount IS NULL) = (currency IS NULL) AND (currency IS NULL) = (exchange_rate IS NULL)),
    CONSTRAINT expense_line_number UNIQUE (tenant_id, report_id, line_no),
    CONSTRAINT expense_line_tenant_key UNIQUE (tenant_id, id)
);
CREATE INDEX expense_line_duplicates_idx ON expense_line (tenant_id, spent_on, amount_yen);

ALTER TABLE expense_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE expense_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON expense_line
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON expense_line TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON expense_line TO sapphire_system;
