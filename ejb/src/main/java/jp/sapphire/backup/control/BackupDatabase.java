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
            List<TablePart> parts = new ArrayList<>();
            for (Table table : TenantTables.all(snapshot)) {
                GenerationWriter.TableWriter part = writer.table(table.name(), table.key(), table.tenantColumn());
                String sql = "SELECT row_to_json(t)::text FROM " + TenantTables.quote(table.name()) + " t"
                        + (from > 0 ? " WHERE backup_seq > ?" : "") + " ORDER BY backup_seq";
                stream(snapshot, sql, from, part::add);
                parts.add(part.finish());
            }
            GenerationWriter.TableWriter tombstones = writer.table("backup_tombstone", List.of("backup_seq"), null);
            if (from > 0) {
                stream(snapshot, "SELECT json_build_object('table', table_name, 'tenant', tenant_ref, 'pk', pk)::text"
                        + " FROM backup_tombstone WHERE backup_seq > ? ORDER BY backup_seq", from, tombstones::add);
            }
            Manifest manifest = new Manifest(generation, from > 0 ? Kind.INCREMENTAL : Kind.FULL, from > 0 ? base : null,
                    createdAt, location, keyId, taken.epoch(), taken.schemaVersion(), from, taken.toSeq(), parts,
                    tombstones.finish());
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
     * transaction; the database gets a new epoch, so the next backup is a full one.
     */
    public void restore(Generations generations, List<Manifest> chain) throws SQLException, IOException, Generations.Damaged {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                begin(connection, chain);
                List<String> tables = chain.get(chain.size() - 1).tables().stream().map(TablePart::table).toList();
                execute(connection, "TRUNCATE " + tables.stream().map(TenantTables::quote).collect(Collectors.joining(", "))
                        + ", backup_tombstone");
                apply(connection, generations, chain, null);
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
                        deleteByKey(connection, parts.get(entry.getKey()), entry.getValue(), null);
                    }
                }
            }
            for (TablePart part : parts.values()) {
                if (tenant != null && part.tenantColumn() == null) {
                    continue;
                }
                for (Chunk chunk : part.chunks()) {
                    List<String> rows = generations.lines(manifest, chunk);
                    if (manifest.kind() == Kind.INCREMENTAL) {
                        deleteByKey(connection, part, rows, tenant);
                    }
                    String filter = tenant == null ? "" : " WHERE r." + TenantTables.quote(part.tenantColumn()) + " = ?::uuid";
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TenantTables.quote(part.table())
                            + " OVERRIDING SYSTEM VALUE SELECT r.* FROM json_populate_recordset(NULL::" + TenantTables.quote(part.table())
                            + ", ?::json) r" + filter)) {
                        insert.setString(1, "[" + String.join(",", rows) + "]");
                        if (tenant != null) {
                            insert.setString(2, tenant.toString());
                        }
                        insert.executeUpdate();
                    }
                }
            }
        }
    }

    private static void deleteByKey(Connection connection, TablePart part, List<String> rows, UUID tenant) throws SQLException {
        String columns = part.key().stream().map(TenantTables::quote).collect(Collectors.joining(", "));
        String filter = tenant == null ? "" : " WHERE r." + TenantTables.quote(part.tenantColumn()) + " = ?::uuid";
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TenantTables.quote(part.table()) + " WHERE (" + columns
                + ") IN (SELECT " + part.key().stream().map(k -> "r." + TenantTables.quote(k)).collect(Collectors.joining(", "))
                + " FROM json_populate_recordset(NULL::" + TenantTables.quote(part.table()) + ", ?::json) r" + filter + ")")) {
            delete.setString(1, "[" + String.join(",", rows) + "]");
            if (tenant != null) {
                delete.setString(2, tenant.toString());
            }
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
