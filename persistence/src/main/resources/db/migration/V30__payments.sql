-- Accounting pays (issue 16): members' bank accounts, the tenant's payer settings, payment
-- batches and the 全銀協 総合振込 file. Sources of the file layout: docs/PAYMENTS.md.

-- When a report was approved (its last step), for the list of what waits for payment. Reports
-- approved before this column: the moment of their last change, which for an approved report is
-- its approval (an approved report no longer changes until it is paid).
ALTER TABLE expense_report ADD COLUMN approved_at timestamptz;
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenant LOOP
        PERFORM set_config('sapphire.tenant_id', t.id::text, true);
        UPDATE expense_report SET approved_at = updated_at WHERE status IN ('APPROVED', 'PAID') AND approved_at IS NULL;
    END LOOP;
    PERFORM set_config('sapphire.tenant_id', '', true);
END $$;
CREATE INDEX expense_report_approved_idx ON expense_report (tenant_id, status, approved_at);

-- A member's account for reimbursements (振込先口座). Personal data: the account itself is sealed
-- under the tenant's data key, bound to the row's id; only a masked form is kept in clear.
CREATE TABLE bank_account (
    id          uuid PRIMARY KEY,
    tenant_id   uuid         NOT NULL REFERENCES tenant (id),
    member_id   uuid         NOT NULL,
    data_key_id uuid         NOT NULL,
    -- 12-byte nonce, ciphertext, 16-byte tag: bank, branch, type, number and holder name.
    sealed      bytea        NOT NULL,
    -- The bank and branch codes and the last three digits, e.g. 0001-123 ****567.
    masked      varchar(40)  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    updated_by  uuid         NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT bank_account_member FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id),
    CONSTRAINT bank_account_data_key FOREIGN KEY (tenant_id, data_key_id) REFERENCES tenant_data_key (tenant_id, id),
    CONSTRAINT bank_account_one_per_member UNIQUE (tenant_id, member_id),
    CONSTRAINT bank_account_tenant_key UNIQUE (tenant_id, id)
);

-- The tenant as the payer (依頼人) of its transfers, and how its bank wants the file.
CREATE TABLE payer_settings (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    requester_code  char(10)    NOT NULL CONSTRAINT payer_requester_code CHECK (requester_code ~ '^[0-9]{10}$'),
    requester_name  varchar(40) NOT NULL,
    bank_code       char(4)     NOT NULL CONSTRAINT payer_bank_code CHECK (bank_code ~ '^[0-9]{4}$'),
    bank_name       varchar(15) NOT NULL DEFAULT '',
    branch_code     char(3)     NOT NULL CONSTRAINT payer_branch_code CHECK (branch_code ~ '^[0-9]{3}$'),
    branch_name     varchar(15) NOT NULL DEFAULT '',
    account_type    smallint    NOT NULL CONSTRAINT payer_account_type CHECK (account_type IN (1, 2, 9)),
    account_number  char(7)     NOT NULL CONSTRAINT payer_account_number CHECK (account_number ~ '^[0-9]{7}$'),
    line_breaks     boolean     NOT NULL DEFAULT true,
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT payer_settings_one UNIQUE (tenant_id)
);

-- A payment batch (支払バッチ): DRAFT → EXPORTED → PAID, or CANCELLED from DRAFT or EXPORTED. The
-- file is made once, at export, and kept sealed (it holds account numbers): every download gives
-- the same bytes, whose SHA-256 is recorded.
CREATE TABLE payment_batch (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    status        varchar(16) NOT NULL CONSTRAINT payment_batch_status CHECK (status IN ('DRAFT', 'EXPORTED', 'PAID', 'CANCELLED')),
    transfer_date date        NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    uuid        NOT NULL,
    exported_at   timestamptz,
    exported_by   uuid,
    closed_at     timestamptz,
    closed_by     uuid,
    data_key_id   uuid,
    file_content  bytea,
    file_sha256   char(64),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT payment_batch_file CHECK ((status = 'DRAFT') = (file_sha256 IS NULL) OR status = 'CANCELLED'),
    CONSTRAINT payment_batch_data_key FOREIGN KEY (tenant_id, data_key_id) REFERENCES tenant_data_key (tenant_id, id),
    CONSTRAINT payment_batch_tenant_key UNIQUE (tenant_id, id)
);
CREATE INDEX payment_batch_status_idx ON payment_batch (tenant_id, status, created_at);

-- A report in a batch. Released when its batch is cancelled; one report is in at most one batch
-- that is not released — the database says so, whatever two accountants do at once.
CREATE TABLE payment_batch_item (
    id         uuid PRIMARY KEY,
    tenant_id  uuid    NOT NULL REFERENCES tenant (id),
    batch_id   uuid    NOT NULL,
    report_id  uuid    NOT NULL,
    released   boolean NOT NULL DEFAULT false,
    CONSTRAINT payment_batch_item_batch FOREIGN KEY (tenant_id, batch_id) REFERENCES payment_batch (tenant_id, id),
    CONSTRAINT payment_batch_item_report FOREIGN KEY (tenant_id, report_id) REFERENCES expense_report (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT payment_batch_item_tenant_key UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX payment_batch_item_open ON payment_batch_item (tenant_id, report_id) WHERE NOT released;
CREATE INDEX payment_batch_item_batch_idx ON payment_batch_item (tenant_id, batch_id);

ALTER TABLE bank_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE bank_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON bank_account
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON bank_account TO sapphire_app;

ALTER TABLE payer_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE payer_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payer_settings
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON payer_settings TO sapphire_app;

ALTER TABLE payment_batch ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_batch FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment_batch
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON payment_batch TO sapphire_app;

ALTER TABLE payment_batch_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_batch_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment_batch_item
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON payment_batch_item TO sapphire_app;
