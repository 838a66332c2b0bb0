package jp.sapphire.tenant.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The catalog of the tables SAPPHIRE keeps, read from PostgreSQL itself (so a new table is covered
 * by itself): each with its primary key and the column that names its tenant ({@code tenant_id},
 * {@code id} for the tenant registry, none for provider-side tables); and the purge of one tenant
 * from all of them. Backups read the same catalog.
 */
public final class TenantTables {

    /** A table: its name, primary key columns and tenant column (null for provider-side tables). */
    public record Table(String name, List<String> key, String tenantColumn) {

        /** Whether the table holds customers' data (the tenant registry itself aside). */
        public boolean holdsTenantData() {
            return tenantColumn != null && !name.equals("tenant");
        }
    }

    private TenantTables() {
    }

    /** Every table backups cover, in name order; the backup's own bookkeeping and the deletion ledger are left out. */
    public static List<Table> all(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname,
                            (SELECT string_agg(a.attname, ',' ORDER BY k.ordinality) FROM pg_index i
                              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
                              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                             WHERE i.indrelid = c.oid AND i.indisprimary),
                            CASE WHEN c.relname = 'tenant' THEN 'id'
                                 WHEN EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid
                                                AND a.attname = 'tenant_id' AND NOT a.attisdropped) THEN 'tenant_id' END
                       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = 'public' AND c.relkind = 'r'
                        AND c.relname <> 'flyway_schema_history' AND c.relname NOT LIKE 'backup\\_%'
                        AND c.relname <> 'tenant_deletion'
                      ORDER BY c.relname""")) {
            while (rows.next()) {
                tables.add(new Table(rows.getString(1), List.of(rows.getString(2).split(",")), rows.getString(3)));
            }
        }
        return tables;
    }

    /**
     * Deletes every row of a tenant from every table that holds tenant data, receipts included, in
     * one transaction and past the append-only guards (replica mode); the tenant's registry row
     * stays. Each deleted row leaves a tombstone, so the next incremental backup carries the
     * deletion. Answers the rows deleted per table, after checking in the same transaction that
     * none is left.
     */
    public static Map<String, Long> purge(DataSource database, UUID tenant) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement replica = connection.createStatement()) {
                    replica.execute("SET LOCAL session_replication_role = replica");
                }
                List<Table> tables = all(connection).stream().filter(Table::holdsTenantData).toList();
                Map<String, Long> deleted = remove(connection, tables, tenant);
                for (Table table : tables) {
                    long left = count(connection, "SELECT count(*) FROM " + quote(table.name()) + " WHERE "
                            + quote(table.tenantColumn()) + " = ?::uuid", tenant);
                    if (left != 0) {
                        throw new IllegalStateException(left + " rows of " + tenant + " left in " + table.name());
                    }
                }
                connection.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Whether any table holding tenant data has a row of this tenant: one query over all of them. */
    public static boolean holdsRowsOf(DataSource database, UUID tenant) throws SQLException {
        try (Connection connection = database.getConnection()) {
            String union = all(connection).stream().filter(Table::holdsTenantData)
                    .map(table -> "(SELECT 1 FROM " + quote(table.name()) + " WHERE " + quote(table.tenantColumn())
                            + " = ?::uuid LIMIT 1)")
                    .collect(Collectors.joining(" UNION ALL "));
            return count(connection, "SELECT count(*) FROM (" + union + ") rows", tenant) > 0;
        }
    }

    /** Tombstones for, then deletion of, every row of the tenant in these tables; answers the count per table. */
    public static Map<String, Long> remove(Connection connection, List<Table> tables, UUID tenant) throws SQLException {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Table table : tables) {
            String keyObject = table.key().stream().map(k -> "'" + k + "', " + quote(k)).collect(Collectors.joining(", "));
            update(connection, "INSERT INTO backup_tombstone (backup_seq, table_name, tenant_ref, pk)"
                    + " SELECT nextval('backup_change_seq'), '" + table.name() + "', ?::uuid, jsonb_build_object("
                    + keyObject + ") FROM " + quote(table.name()) + " WHERE " + quote(table.tenantColumn())
                    + " = ?::uuid", tenant, tenant);
            deleted.put(table.name(), (long) update(connection, "DELETE FROM " + quote(table.name()) + " WHERE "
                    + quote(table.tenantColumn()) + " = ?::uuid", tenant));
        }
        return deleted;
    }

    /** A table or column name as SQL text. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static long count(Connection connection, String sql, UUID tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setString(i, tenant.toString());
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int update(Connection connection, String sql, UUID... tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < tenant.length; i++) {
                statement.setString(i + 1, tenant[i].toString());
            }
            return statement.executeUpdate();
        }
    }
}
