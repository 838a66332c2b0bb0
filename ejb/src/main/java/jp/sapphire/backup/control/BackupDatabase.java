package jp.sapphire.backup.control;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import jp.sapphire.backup.control.Manifest.Chunk;
import jp.sapphire.backup.control.Manifest.Kind;
import jp.sapphire.backup.control.Manifest.TablePart;
import jp.sapphire.tenant.control.TenantTables;
import jp.sapphire.tenant.control.TenantTables.Table;

/**
 * The database side of backups, as {@code sapphire_backup} (which bypasses row-level security):
 * a consistent snapshot of every table, the rows and tombstones above a change number, and
 * restores of a chain of generations — whole, or one tenant — with triggers and foreign keys held
 * back ({@code session_replication_role = replica}) in one transaction.
 */
public final class BackupDatabase {

    /** The advisory lock every change holds shared for its transaction (V17). */
    private static final long CAPTURE_LOCK = 7262017;

    /** A table as the backup sees it. */
    /** The snapshot a generation is taken in: the change numbers it covers and the database's identity. */
    public record Snapshot(long toSeq, String epoch, String schemaVersion) {
    }

    private final DataSource database;

    public BackupDatabase(DataSource database) {
        this.database = database;
    }

    /**
     * Writes generation {@code generation}: every row of every table if {@code from} is 0, else the
     * rows changed and deleted after change number {@code from}.
     */
    public Manifest backup(GenerationWriter writer, long generation, Long base, long from, String location, String keyId,
                           Instant createdAt) throws SQLException, IOException {
        try (Connection lock = database.getConnection(); Connection snapshot = database.getConnection()) {
            snapshot.setAutoCommit(false);
            snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            snapshot.setReadOnly(true);
            Snapshot taken;
            execute(lock, "SELECT pg_advisory_lock(" + CAPTURE_LOCK + ")");
            try {
                taken = snapshot(snapshot);
            } finally {
                execute(lock, "SELECT pg_advisory_unlock(" + CAPTURE_LOCK + ")");
            }
            CopyManager copy = snapshot.unwrap(PGConnection.class).getCopyAPI();
            Map<String, List<String>> columns = columns(snapshot);
            List<TablePart> parts = new ArrayList<>();
            for (Table table : TenantTables.all(snapshot)) {
                List<String> names = columns.get(table.name());
                GenerationWriter.TableWriter part = writer.table(table.name(), table.key(), table.tenantColumn(), names);
                copy.copyOut("COPY (SELECT " + list(names) + " FROM " + TenantTables.quote(table.name())
                        + (from > 0 ? " WHERE backup_seq > " + from + " ORDER BY backup_seq" : "") + ") TO STDOUT", part.lines());
                parts.add(part.finish());
            }
            GenerationWriter.TableWriter tombstones = writer.table("backup_tombstone", List.of("backup_seq"), null, List.of());
            if (from > 0) {
                stream(snapshot, "SELECT json_build_object('table', table_name, 'tenant', tenant_ref, 'pk', pk)::text"
                        + " FROM backup_tombstone WHERE backup_seq > ? ORDER BY backup_seq", from, tombstones::add);
            }
            Manifest manifest = new Manifest(generation, from > 0 ? Kind.INCREMENTAL : Kind.FULL, from > 0 ? base : null,
                    createdAt, location, keyId, taken.epoch(), taken.schemaVersion(), from, taken.toSeq(), parts,
                    tombstones.finish(), Manifest.FORMAT);
            snapshot.commit();
            writer.commit(manifest);
            return manifest;
        }
    }

    /** Tombstones up to a committed generation's mark are never read again. */
    public void forgetTombstones(long upTo) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM backup_tombstone WHERE backup_seq <= ?")) {
            delete.setLong(1, upTo);
            delete.executeUpdate();
        }
    }

    /** The database's epoch and schema version now. */
    public Snapshot identity() throws SQLException {
        try (Connection connection = database.getConnection()) {
            return snapshot(connection);
        }
    }

    /** After the database was put back by other means (point-in-time recovery): the next backup starts a new chain. */
    public void newEpoch() throws SQLException {
        try (Connection connection = database.getConnection()) {
            execute(connection, "UPDATE backup_state SET epoch = gen_random_uuid()");
        }
    }

    /** Claims the backup of a day for this server; false when another server has it. */
    public boolean claim(LocalDate day, String server, Instant at) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement claim = connection.prepareStatement(
                     "INSERT INTO backup_run (day, server, started_at) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING")) {
            claim.setObject(1, day);
            claim.setString(2, server);
            claim.setTimestamp(3, Timestamp.from(at));
            return claim.executeUpdate() == 1;
        }
    }

    /**
     * Replaces every table's rows with the state of the chain's last generation, in one
     * transaction, the way pg_restore loads a database: keys, indexes and foreign keys set aside
     * (V35), the rows copied in, then all built again; the database gets a new epoch, so the next
     * backup is a full one.
     */
    public void restore(Generations generations, List<Manifest> chain) throws SQLException, IOException, Generations.Damaged {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                begin(connection, chain);
                List<String> tables = chain.get(chain.size() - 1).tables().stream().map(TablePart::table).toList();
                try (PreparedStatement setAside = connection.prepareStatement("SELECT backup_set_aside_indexes(?)")) {
                    setAside.setArray(1, connection.createArrayOf("text", tables.toArray()));
                    setAside.execute();
                }
                execute(connection, "TRUNCATE " + tables.stream().map(TenantTables::quote).collect(Collectors.joining(", "))
                        + ", backup_tombstone");
                apply(connection, generations, chain, null);
                execute(connection, "SELECT backup_put_back_indexes()");
                execute(connection, "SELECT setval('backup_change_seq', " + chain.get(chain.size() - 1).toSeq() + ")");
                resetIdentities(connection);
                execute(connection, "UPDATE backup_state SET epoch = gen_random_uuid()");
                connection.commit();
            } catch (SQLException | IOException | Generations.Damaged | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Puts back one tenant's rows as of the chain's last generation without touching any other
     * row. The tenant's present rows leave tombstones and the restored ones new change numbers,
     * so the next incremental generation carries the change.
     */
    public void restoreTenant(Generations generations, List<Manifest> chain, UUID tenant)
            throws SQLException, IOException, Generations.Damaged {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                begin(connection, chain);
                List<TablePart> parts = chain.get(chain.size() - 1).tables().stream()
                        .filter(part -> part.tenantColumn() != null).toList();
                TenantTables.remove(connection, parts.stream().map(part -> new Table(part.table(), part.key(), part.tenantColumn()))
                        .toList(), tenant);
                apply(connection, generations, chain, tenant);
                for (TablePart part : parts) {
                    update(connection, "UPDATE " + TenantTables.quote(part.table()) + " SET backup_seq = nextval('backup_change_seq') WHERE "
                            + TenantTables.quote(part.tenantColumn()) + " = ?::uuid", tenant.toString());
                }
                connection.commit();
            } catch (SQLException | IOException | Generations.Damaged | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Replica mode for this transaction, and the same schema as the generations were taken from. */
    private static void begin(Connection connection, List<Manifest> chain) throws SQLException {
        execute(connection, "SET LOCAL session_replication_role = replica");
        for (Manifest manifest : chain) {
            if (manifest.format() != Manifest.FORMAT) {
                throw new IllegalStateException("generation " + manifest.generation() + " is in format " + manifest.format()
                        + "; this version restores format " + Manifest.FORMAT + " (docs/BACKUP.md)");
            }
        }
        String version = snapshot(connection).schemaVersion();
        String wanted = chain.get(chain.size() - 1).schemaVersion();
        if (!version.equals(wanted)) {
            throw new IllegalStateException("generation " + chain.get(chain.size() - 1).generation()
                    + " was taken at schema version " + wanted + ", the database is at " + version);
        }
    }

    /**
     * Applies the chain: the full generation's rows, then per incremental generation its
     * tombstones and its changed rows (each replacing the row of the same key). With a tenant,
     * only that tenant's rows and tombstones.
     */
    private static void apply(Connection connection, Generations generations, List<Manifest> chain, UUID tenant)
            throws SQLException, IOException, Generations.Damaged {
        for (Manifest manifest : chain) {
            Map<String, TablePart> parts = manifest.tables().stream()
                    .collect(Collectors.toMap(TablePart::table, part -> part, (a, b) -> a, LinkedHashMap::new));
            if (manifest.kind() == Kind.INCREMENTAL) {
                for (Chunk chunk : manifest.tombstones().chunks()) {
                    Map<String, List<String>> keysByTable = new LinkedHashMap<>();
                    for (String line : generations.lines(manifest, chunk)) {
                        var tombstone = Generations.parse(line);
                        boolean ours = tenant == null || tenant.toString().equals(
                                tombstone.isNull("tenant") ? null : tombstone.getString("tenant"));
                        if (ours && parts.containsKey(tombstone.getString("table"))) {
                            keysByTable.computeIfAbsent(tombstone.getString("table"), t -> new ArrayList<>())
                                    .add(tombstone.getJsonObject("pk").toString());
                        }
                    }
                    for (var entry : keysByTable.entrySet()) {
                        deleteByKey(connection, parts.get(entry.getKey()), entry.getValue());
                    }
                }
            }
            for (TablePart part : parts.values()) {
                if (tenant != null && part.tenantColumn() == null) {
                    continue;
                }
                load(connection, generations, manifest, part, tenant);
            }
        }
    }

    /**
     * A table's rows of one generation: copied straight in when a whole database is restored from
     * a full generation; else copied into a scratch table first, from which the tenant's rows (or
     * all) replace those of the same key.
     */
    private static void load(Connection connection, Generations generations, Manifest manifest, TablePart part, UUID tenant)
            throws SQLException, IOException, Generations.Damaged {
        String table = TenantTables.quote(part.table());
        String columns = list(part.columns());
        if (tenant == null && manifest.kind() == Kind.FULL) {
            copyIn(connection, generations, manifest, part, table + " (" + columns + ")");
            return;
        }
        execute(connection, "CREATE TEMPORARY TABLE backup_rows ON COMMIT DROP AS SELECT " + columns + " FROM " + table
                + " WITH NO DATA");
        copyIn(connection, generations, manifest, part, "backup_rows (" + columns + ")");
        String ours = tenant == null ? "" : " WHERE " + TenantTables.quote(part.tenantColumn()) + " = ?::uuid";
        String[] parameters = tenant == null ? new String[0] : new String[] {tenant.toString()};
        if (manifest.kind() == Kind.INCREMENTAL) {
            String key = list(part.key());
            update(connection, "DELETE FROM " + table + " WHERE (" + key + ") IN (SELECT " + key + " FROM backup_rows" + ours + ")",
                    parameters);
        }
        update(connection, "INSERT INTO " + table + " (" + columns + ") OVERRIDING SYSTEM VALUE SELECT " + columns
                + " FROM backup_rows" + ours, parameters);
        execute(connection, "DROP TABLE backup_rows");
    }

    /** The part's chunks, checked and opened, through one COPY. */
    private static void copyIn(Connection connection, Generations generations, Manifest manifest, TablePart part, String target)
            throws SQLException, IOException, Generations.Damaged {
        if (part.chunks().isEmpty()) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
        try {
            for (Chunk chunk : part.chunks()) {
                byte[] rows = generations.plain(manifest, chunk);
                copy.writeToCopy(rows, 0, rows.length);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Each table's columns in their order, generated ones aside (COPY names them). */
    private static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname, a.attnum""")) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return columns;
    }

    private static String list(List<String> columns) {
        return columns.stream().map(TenantTables::quote).collect(Collectors.joining(", "));
    }

    /** Deletes the rows whose keys the tombstones name ({@code {"id": ...}} objects). */
    private static void deleteByKey(Connection connection, TablePart part, List<String> keys) throws SQLException {
        String columns = list(part.key());
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TenantTables.quote(part.table()) + " WHERE ("
                + columns + ") IN (SELECT " + columns + " FROM json_populate_recordset(NULL::" + TenantTables.quote(part.table())
                + ", ?::json))")) {
            delete.setString(1, "[" + String.join(",", keys) + "]");
            delete.executeUpdate();
        }
    }

    /** Identity and serial sequences continue after the highest restored value. */
    private static void resetIdentities(Connection connection) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                      WHERE n.nspname = 'public' AND c.relkind = 'r'
                        AND pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)
                            IS NOT NULL""")) {
            while (rows.next()) {
                owned.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] column : owned) {
            execute(connection, "SELECT setval(pg_get_serial_sequence('public." + TenantTables.quote(column[0]) + "', '" + column[1] + "'), "
                    + "coalesce((SELECT max(" + TenantTables.quote(column[1]) + ") FROM " + TenantTables.quote(column[0]) + "), 0) + 1, false)");
        }
    }

    private static Snapshot snapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM backup_change_seq),
                            (SELECT epoch::text FROM backup_state),
                            (SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                              ORDER BY installed_rank DESC LIMIT 1)""")) {
            row.next();
            return new Snapshot(row.getLong(1), row.getString(2), row.getString(3));
        }
    }

    @FunctionalInterface
    private interface LineSink {
        void add(String line) throws IOException;
    }

    private static void stream(Connection connection, String sql, long from, LineSink sink) throws SQLException, IOException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                query.setLong(1, from);
            }
            query.setFetchSize(500);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sink.add(rows.getString(1));
                }
            }
        }
    }

    private static int update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
