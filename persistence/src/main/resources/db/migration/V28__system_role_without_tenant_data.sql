-- sapphire_system (BYPASSRLS) runs the provider's work on every request path: the tenant
-- directory, the system audit log, notices, incidents, deletion requests. It needs no tenant's
-- data for that, so it holds none (issue 15): no privilege on any table that has a tenant_id,
-- receipts and their content included. What it reads across tenants is only which tenants have
-- mail due (the outbox sender then delivers as each tenant, under row-level security), column by
-- column. The purge at contract end and the backups run as sapphire_backup, which holds the rest.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind = 'r'
                AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
    LOOP
        EXECUTE format('REVOKE ALL ON %I FROM sapphire_system', t.relname);
    END LOOP;
END $$;

GRANT SELECT (tenant_id, sent_at, failed_at, next_attempt_at, created_at) ON mail_outbox TO sapphire_system;
