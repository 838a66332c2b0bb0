-- Receipts (領収書), encrypted with AES-256-GCM under a per-tenant data key, which is itself
-- sealed under the service's master key. Metadata and content are separate tables so lists
-- never read content. A receipt is never changed: a replacement after submission is a new
-- version, and the old one is kept (superseded_at set).

CREATE TABLE tenant_data_key (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    -- The data key sealed under the master key named by master_key_id.
    sealed_key bytea       NOT NULL,
    master_key_id varchar(32) NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT tenant_data_key_tenant_key UNIQUE (tenant_id, id)
);

CREATE TABLE receipt (
    id            uuid PRIMARY KEY,
    tenant_id     uuid         NOT NULL REFERENCES tenant (id),
    line_id       uuid         NOT NULL,
    version_no    integer      NOT NULL CONSTRAINT receipt_version CHECK (version_no > 0),
    filename      varchar(255) NOT NULL,
    content_type  varchar(40)  NOT NULL
                  CONSTRAINT receipt_content_type CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf', 'image/heic')),
    size_bytes    integer      NOT NULL CONSTRAINT receipt_size CHECK (size_bytes > 0),
    sha256        char(64)     NOT NULL,
    uploaded_at   timestamptz  NOT NULL,
    uploaded_by   uuid         NOT NULL,
    superseded_at timestamptz,
    data_key_id   uuid         NOT NULL,
    CONSTRAINT receipt_line FOREIGN KEY (tenant_id, line_id) REFERENCES expense_line (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT receipt_data_key FOREIGN KEY (tenant_id, data_key_id) REFERENCES tenant_data_key (tenant_id, id),
    CONSTRAINT receipt_tenant_key UNIQUE (tenant_id, id)
);
CREATE INDEX receipt_line_idx ON receipt (tenant_id, line_id);
CREATE INDEX receipt_hash_idx ON receipt (tenant_id, sha256);

CREATE TABLE receipt_content (
    -- The receipt's id.
    id        uuid PRIMARY KEY,
    tenant_id uuid  NOT NULL REFERENCES tenant (id),
    -- 12-byte nonce, ciphertext, 16-byte tag; the receipt id is the associated data.
    content   bytea NOT NULL,
    CONSTRAINT receipt_content_receipt FOREIGN KEY (tenant_id, id) REFERENCES receipt (tenant_id, id) ON DELETE CASCADE
);

-- Immutability, whatever the application does: content is never rewritten, a receipt row only
-- ever gains its superseded_at, and a receipt of a report that has ever been submitted is never
-- deleted (only the provider's purge, as sapphire_system, removes those).
CREATE FUNCTION receipt_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF TG_TABLE_NAME = 'receipt_content'
           OR ROW(NEW.id, NEW.tenant_id, NEW.line_id, NEW.version_no, NEW.filename, NEW.content_type, NEW.size_bytes,
                  NEW.sha256, NEW.uploaded_at, NEW.uploaded_by, NEW.data_key_id)
              IS DISTINCT FROM
              ROW(OLD.id, OLD.tenant_id, OLD.line_id, OLD.version_no, OLD.filename, OLD.content_type, OLD.size_bytes,
                  OLD.sha256, OLD.uploaded_at, OLD.uploaded_by, OLD.data_key_id)
           OR (OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS DISTINCT FROM OLD.superseded_at) THEN
            RAISE EXCEPTION 'receipts are immutable' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF current_user <> 'sapphire_system' AND EXISTS (
            SELECT FROM expense_line l JOIN expense_report r ON r.tenant_id = l.tenant_id AND r.id = l.report_id
             WHERE l.tenant_id = OLD.tenant_id AND l.id = OLD.line_id
               AND r.submitted_at IS NOT NULL) THEN
        RAISE EXCEPTION 'receipts of a submitted report are kept' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER receipt_immutable BEFORE UPDATE OR DELETE ON receipt
    FOR EACH ROW EXECUTE FUNCTION receipt_immutable();
CREATE TRIGGER receipt_content_immutable BEFORE UPDATE ON receipt_content
    FOR EACH ROW EXECUTE FUNCTION receipt_immutable();

ALTER TABLE tenant_data_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_data_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_data_key
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE receipt ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON receipt
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE receipt_content ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt_content FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON receipt_content
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT ON tenant_data_key TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON receipt TO sapphire_app;
GRANT SELECT, INSERT, DELETE ON receipt_content TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_data_key, receipt, receipt_content TO sapphire_system;
