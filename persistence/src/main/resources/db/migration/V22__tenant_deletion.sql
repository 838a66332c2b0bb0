-- Whitepaper §4: at the end of the contract, on the customer's request, the tenant's data is
-- deleted within a month. One row per tenant: the request (by its administrator), the day it is
-- due (at most 30 days later), its execution and the deletion certificate. Provider-side, and
-- outside the backups (BackupDatabase leaves this table out), so that no restore can undo a
-- deletion: after a restore every executed deletion is applied again.
CREATE TABLE tenant_deletion (
    -- No foreign key to tenant: a whole-database restore empties and refills tenant, and this
    -- table, outside the backups, must stay as it is through that.
    tenant_ref   uuid PRIMARY KEY,
    requested_at timestamptz  NOT NULL,
    requested_by varchar(300) NOT NULL,
    due_at       timestamptz  NOT NULL,
    executed_at  timestamptz,
    executed_by  varchar(300),
    certificate  text,
    CONSTRAINT tenant_deletion_within_a_month CHECK (due_at <= requested_at + interval '30 days'),
    CONSTRAINT tenant_deletion_certified CHECK ((executed_at IS NULL) = (certificate IS NULL))
);

COMMENT ON TABLE tenant_deletion IS 'provider-side: deletion requests at contract end and their certificates (never restored from a backup)';

-- The tenant's administrator files the request and sees it through the application role, which
-- row-level security limits to the tenant's own row; operators (sapphire_system) see them all.
ALTER TABLE tenant_deletion ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_deletion FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_deletion
    USING (tenant_ref = current_tenant_id())
    WITH CHECK (tenant_ref = current_tenant_id());

GRANT SELECT, INSERT ON tenant_deletion TO sapphire_app;
GRANT SELECT, INSERT, UPDATE ON tenant_deletion TO sapphire_system;
GRANT SELECT ON tenant_deletion TO sapphire_backup;
