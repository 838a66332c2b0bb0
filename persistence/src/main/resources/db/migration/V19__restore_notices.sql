-- Restores of the whole system are announced to every tenant ahead of time (whitepaper §13), and
-- run in maintenance mode. Both are the backup's own bookkeeping (backup_*): never backed up, never
-- restored, so a notice and the maintenance flag outlive the restore they announce.
CREATE TABLE backup_notice (
    id             uuid          PRIMARY KEY,
    generation     bigint        NOT NULL,
    scheduled_at   timestamptz   NOT NULL,
    reason         varchar(1000) NOT NULL,
    data_as_of     timestamptz   NOT NULL,
    emergency      boolean       NOT NULL,
    published_at   timestamptz   NOT NULL,
    published_by   varchar(200)  NOT NULL,
    carried_out_at timestamptz
);
COMMENT ON TABLE backup_notice IS 'provider-side: notices of whole-system restores, shown to every tenant';

-- While maintenance_since is set, every server answers users with the maintenance page.
ALTER TABLE backup_state ADD COLUMN maintenance_since timestamptz, ADD COLUMN maintenance_reason varchar(1000);

GRANT SELECT, INSERT, UPDATE ON backup_notice TO sapphire_backup;
-- The application reads notices and the maintenance flag as the provider's system role.
GRANT SELECT ON backup_notice, backup_state TO sapphire_system;
