-- A whole restore loads every table like pg_restore does (docs/BACKUP.md, docs/PERFORMANCE.md):
-- keys, indexes and foreign keys are set aside before the rows are copied in and built again after,
-- in the same transaction, which is many times faster than maintaining them row by row.
--
-- Only the owner may drop and create them; these two functions let the backup login do exactly
-- that and nothing else. What is set aside is kept in a temporary table of the owner's (the backup
-- login can neither read nor change it) that disappears at the end of the transaction; a deferred
-- check refuses to commit while anything set aside has not been put back, so a restore either
-- ends with every key, index and foreign key as before or not at all (DDL rolls back with it).

CREATE FUNCTION backup_set_aside_indexes(tables text[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ids oid[] := ARRAY(SELECT ('public.' || quote_ident(t))::regclass::oid FROM unnest(tables) AS t);
    item record;
    n integer := 0;
BEGIN
    IF to_regclass('pg_temp.backup_index_stash') IS NOT NULL THEN
        RAISE EXCEPTION 'indexes are already set aside in this transaction';
    END IF;
    -- step: the order they are built again in (keys, then other indexes, then foreign keys).
    CREATE TEMPORARY TABLE backup_index_stash (
        step       integer NOT NULL,
        table_name regclass NOT NULL,
        name       name    NOT NULL,
        definition text    NOT NULL
    ) ON COMMIT DROP;
    CREATE CONSTRAINT TRIGGER backup_index_stash_put_back AFTER INSERT ON backup_index_stash
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION backup_index_stash_check();
    -- Restores run in replica mode, where ordinary triggers sleep; this one must not.
    ALTER TABLE backup_index_stash ENABLE ALWAYS TRIGGER backup_index_stash_put_back;
    INSERT INTO backup_index_stash
    SELECT CASE c.contype WHEN 'f' THEN 3 ELSE 1 END, c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)
      FROM pg_constraint c
     WHERE (c.contype IN ('p', 'u') AND c.conrelid = ANY (ids))
        OR (c.contype = 'f' AND (c.conrelid = ANY (ids) OR c.confrelid = ANY (ids)));
    INSERT INTO backup_index_stash
    SELECT 2, i.indrelid::regclass, x.relname, pg_get_indexdef(i.indexrelid)
      FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
     WHERE i.indrelid = ANY (ids)
       AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'));
    FOR item IN SELECT * FROM backup_index_stash ORDER BY step DESC LOOP
        IF item.step = 2 THEN
            EXECUTE format('DROP INDEX public.%I', item.name);
        ELSE
            EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', item.table_name, item.name);
        END IF;
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;

CREATE FUNCTION backup_put_back_indexes() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    item record;
    n integer := 0;
BEGIN
    IF to_regclass('pg_temp.backup_index_stash') IS NULL THEN
        RAISE EXCEPTION 'no indexes are set aside in this transaction';
    END IF;
    FOR item IN SELECT * FROM backup_index_stash ORDER BY step, table_name::text, name LOOP
        IF item.step = 2 THEN
            EXECUTE item.definition;
        ELSE
            EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', item.table_name, item.name, item.definition);
        END IF;
        n := n + 1;
    END LOOP;
    DELETE FROM backup_index_stash;
    RETURN n;
END $$;

CREATE FUNCTION backup_index_stash_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM backup_index_stash) THEN
        RAISE EXCEPTION 'keys, indexes or foreign keys set aside by the restore were not put back';
    END IF;
    RETURN NULL;
END $$;

REVOKE ALL ON FUNCTION backup_set_aside_indexes(text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION backup_put_back_indexes() FROM PUBLIC;
REVOKE ALL ON FUNCTION backup_index_stash_check() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION backup_set_aside_indexes(text[]) TO sapphire_backup;
GRANT EXECUTE ON FUNCTION backup_put_back_indexes() TO sapphire_backup;

-- Incremental generations and single-tenant restores copy a table's rows into a temporary table
-- of the restore's own first, from which they replace the rows of the same key.
DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO sapphire_backup', current_database()); END $$;
