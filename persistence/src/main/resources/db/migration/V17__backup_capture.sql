-- Change capture for the daily incremental backup (docs/BACKUP.md). Every table gets a column
-- backup_seq, set from one sequence on every insert and update, and every deleted row leaves a
-- tombstone with its primary key: a generation holds the rows whose backup_seq is above the
-- previous generation's mark, and the tombstones above it.
--
-- The capture is installed by backup_install_capture(), which Flyway's afterMigrate callback runs
-- after every migration, so tables added later are covered without editing anything here.
-- Writers hold a shared advisory lock for their transaction; the backup waits for an exclusive
-- one before it takes its snapshot, so no change numbered below the mark can commit after it.

CREATE SEQUENCE backup_change_seq;

CREATE TABLE backup_tombstone (
    backup_seq bigint       NOT NULL PRIMARY KEY,
    table_name varchar(63)  NOT NULL,
    -- The tenant of the deleted row, when its table has one (for single-tenant restores).
    tenant_ref uuid,
    pk         jsonb        NOT NULL
);
COMMENT ON TABLE backup_tombstone IS 'provider-side: deleted rows for the incremental backup';

-- Provider-side bookkeeping of the backup itself, never backed up: the epoch (new after every
-- restore into this database, so that no incremental generation follows one of another history)
-- and the claim of each day's run (one server of many runs it).
CREATE TABLE backup_state (
    singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT backup_state_one_row CHECK (singleton),
    epoch     uuid    NOT NULL
);
COMMENT ON TABLE backup_state IS 'provider-side: the backup epoch of this database';
INSERT INTO backup_state (epoch) VALUES (gen_random_uuid());

CREATE TABLE backup_run (
    day        date         PRIMARY KEY,
    server     varchar(200) NOT NULL,
    started_at timestamptz  NOT NULL
);
COMMENT ON TABLE backup_run IS 'provider-side: which server runs the daily backup of a day';

GRANT SELECT, UPDATE ON backup_state TO sapphire_backup;
GRANT SELECT, INSERT ON backup_run TO sapphire_backup;

CREATE FUNCTION backup_capture() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    old_row jsonb;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7262017);
    IF TG_OP = 'DELETE' THEN
        old_row := to_jsonb(OLD);
        INSERT INTO backup_tombstone (backup_seq, table_name, tenant_ref, pk)
        SELECT nextval('backup_change_seq'), TG_TABLE_NAME,
               coalesce(old_row ->> 'tenant_id', CASE WHEN TG_TABLE_NAME = 'tenant' THEN old_row ->> 'id' END)::uuid,
               jsonb_object_agg(key, old_row -> key)
          FROM unnest(TG_ARGV) AS key;
        RETURN OLD;
    END IF;
    NEW.backup_seq := nextval('backup_change_seq');
    RETURN NEW;
END $$;

-- Idempotent: adds backup_seq (indexed), the trigger and the backup login's privileges to every
-- table of the schema that lacks them; a table without a primary key cannot be backed up
-- incrementally and stops the migration.
CREATE FUNCTION backup_install_capture() RETURNS void LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
    t record;
    keys text[];
BEGIN
    FOR t IN SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind = 'r'
                AND c.relname <> 'flyway_schema_history' AND c.relname NOT LIKE 'backup\_%'
              ORDER BY c.relname
    LOOP
        SELECT array_agg(a.attname::text ORDER BY k.ordinality) INTO keys
          FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         WHERE i.indrelid = t.oid AND i.indisprimary;
        IF keys IS NULL THEN
            RAISE EXCEPTION 'table % has no primary key: the incremental backup cannot follow its deletes', t.relname;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = t.oid AND attname = 'backup_seq' AND NOT attisdropped) THEN
            -- A volatile default numbers the existing rows without firing their tables' triggers.
            EXECUTE format('ALTER TABLE %I ADD COLUMN backup_seq bigint DEFAULT nextval(''backup_change_seq'')', t.relname);
            EXECUTE format('ALTER TABLE %I ALTER COLUMN backup_seq DROP DEFAULT', t.relname);
            EXECUTE format('CREATE INDEX %I ON %I (backup_seq)', t.relname || '_backup_seq_idx', t.relname);
        END IF;
        IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = t.oid AND tgname = 'zz_backup_capture') THEN
            EXECUTE format('CREATE TRIGGER zz_backup_capture BEFORE INSERT OR UPDATE OR DELETE ON %I'
                           ' FOR EACH ROW EXECUTE FUNCTION backup_capture(%s)', t.relname,
                           (SELECT string_agg(quote_literal(k), ', ') FROM unnest(keys) AS k));
        END IF;
        EXECUTE format('GRANT SELECT, INSERT, DELETE, TRUNCATE, UPDATE (backup_seq) ON %I TO sapphire_backup', t.relname);
    END LOOP;
    GRANT SELECT, INSERT, DELETE, TRUNCATE ON backup_tombstone TO sapphire_backup;
    GRANT SELECT ON flyway_schema_history TO sapphire_backup;
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO sapphire_backup;
END $$;
