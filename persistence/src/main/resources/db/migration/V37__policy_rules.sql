-- Policy rules (経費規程, issue 21, docs/POLICY.md): limits per category per line, day, night,
-- attendee or trip day (日当), for domestic or overseas lines, each a warning (the applicant gives
-- a reason, the approver sees it) or a block (the report cannot be submitted), with effective
-- dates judged by the day the expense was incurred.

-- Two more kinds of category: lodging (宿泊費, its lines say how many nights) and per diem (日当,
-- its lines say how many days the trip lasted).
ALTER TABLE expense_category DROP CONSTRAINT expense_category_kind;
ALTER TABLE expense_category ADD CONSTRAINT expense_category_kind
    CHECK (kind IN ('GENERAL', 'TRANSPORT', 'ENTERTAINMENT', 'LODGING', 'PER_DIEM'));

-- What the rules measure a line by, and the applicant's reason for going beyond a limit.
ALTER TABLE expense_line
    ADD COLUMN nights         integer CONSTRAINT expense_line_nights CHECK (nights BETWEEN 1 AND 366),
    ADD COLUMN trip_days      integer CONSTRAINT expense_line_trip_days CHECK (trip_days BETWEEN 1 AND 366),
    ADD COLUMN attendee_count integer CONSTRAINT expense_line_attendee_count CHECK (attendee_count BETWEEN 1 AND 1000),
    ADD COLUMN overseas       boolean NOT NULL DEFAULT false,
    ADD COLUMN policy_reason  varchar(1000);

CREATE TABLE policy_rule (
    id          uuid PRIMARY KEY,
    tenant_id   uuid         NOT NULL REFERENCES tenant (id),
    name        varchar(200) NOT NULL,
    category_id uuid         NOT NULL,
    basis       varchar(10)  NOT NULL
                CONSTRAINT policy_rule_basis CHECK (basis IN ('LINE', 'DAY', 'NIGHT', 'ATTENDEE', 'TRIP_DAY')),
    region      varchar(10)  NOT NULL DEFAULT 'ANY'
                CONSTRAINT policy_rule_region CHECK (region IN ('ANY', 'DOMESTIC', 'OVERSEAS')),
    limit_yen   bigint       NOT NULL CONSTRAINT policy_rule_limit CHECK (limit_yen BETWEEN 0 AND 100000000),
    -- Per diem only: the rule applies to trips of this many days (either end open).
    min_days    integer      CONSTRAINT policy_rule_min_days CHECK (min_days BETWEEN 1 AND 366),
    max_days    integer      CONSTRAINT policy_rule_max_days CHECK (max_days BETWEEN 1 AND 366),
    action      varchar(5)   NOT NULL CONSTRAINT policy_rule_action CHECK (action IN ('WARN', 'BLOCK')),
    valid_from  date         NOT NULL,
    valid_to    date,
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT policy_rule_category FOREIGN KEY (tenant_id, category_id) REFERENCES expense_category (tenant_id, id),
    CONSTRAINT policy_rule_dates CHECK (valid_to IS NULL OR valid_from <= valid_to),
    CONSTRAINT policy_rule_days CHECK (min_days IS NULL OR max_days IS NULL OR min_days <= max_days),
    CONSTRAINT policy_rule_days_per_diem CHECK (basis = 'TRIP_DAY' OR (min_days IS NULL AND max_days IS NULL))
);
CREATE INDEX policy_rule_tenant_category ON policy_rule (tenant_id, category_id);

ALTER TABLE policy_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE policy_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON policy_rule
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON policy_rule TO sapphire_app;
