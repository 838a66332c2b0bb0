package jp.sapphire.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.OperationsException;
import javax.sql.DataSource;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.backup.boundary.BackupOperations;
import jp.sapphire.backup.boundary.Backups;
import jp.sapphire.backup.control.BackupDatabase;
import jp.sapphire.backup.control.BackupKeys;
import jp.sapphire.backup.control.FileBackupStore;
import jp.sapphire.backup.control.Generations;
import jp.sapphire.backup.control.Manifest;
import jp.sapphire.it.Rows;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SystemDatabase;
import jp.sapphire.it.TenantFixture.Seeded;
import jp.sapphire.it.TenantFixture;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.maintenance.boundary.Maintenance;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily backup as operators use it, through its MBean, against the real database: generations
 * that each restore (into the drill database) to exactly the rows of their time, only the 7 newest
 * kept, incremental generations as large as the change, damage named by generation and chunk, a
 * killed run that harms nothing, and one tenant put back while the others stay as they are.
 */
@ExtendWith(ArquillianExtension.class)
class BackupIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Inject
    TenantFixture fixture;

    @Inject
    SystemDatabase audit;

    @EJB
    Backups backups;

    @EJB
    Maintenance maintenance;

    @Resource(lookup = "jdbc/sapphireBackup")
    DataSource live;

    @Resource(lookup = "jdbc/sapphireDrill")
    DataSource drill;

    @Resource(lookup = "jdbc/sapphire")
    DataSource application;


    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    /** Nothing writes while a test compares: the pending mail the sender would retry is taken away. */
    @BeforeEach
    void quietOutbox() throws SQLException {
        try (Connection connection = live.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL");
        }
    }

    private static final Duration LEAD = Duration.ofHours(24);

    @Test
    void nineDailyRunsKeepTheSevenNewestAndEachRestoresToExactlyItsRows() throws Exception {
        Map<Long, Map<String, String>> stateAt = new LinkedHashMap<>();
        List<Long> made = new ArrayList<>();
        Seeded first = fixture.tenant("バックアップ 1");
        int existing = listed().size();
        for (int run = 1; run <= 9; run++) {
            Seeded added = fixture.tenant("バックアップ " + (run + 1));
            change(first.tenantId(), "UPDATE expense_report SET title = 'run " + run + "' WHERE title LIKE '%出張%'");
            if (run % 3 == 0) {
                change(added.tenantId(), "DELETE FROM api_token");
            }
            quietOutbox();
            long generation = generationOf((String) invoke("backupNow"));
            made.add(generation);
            stateAt.put(generation, checksums(live));

            List<Long> listed = listed();
            assertThat(listed).as("after run " + run).hasSize(Math.min(7, existing + run))
                    .endsWith(made.subList(Math.max(0, made.size() - 7), made.size()).toArray(Long[]::new));
        }
        assertThat(listed()).containsExactlyElementsOf(made.subList(2, 9));

        for (long generation : made.subList(2, 9)) {
            assertThat((String) invoke("verify", generation)).startsWith("generation " + generation + " is intact");
            invoke("restoreDrill", generation);
            assertThat(checksums(drill)).as("generation " + generation + " restored").isEqualTo(stateAt.get(generation));
        }
        assertThat(auditEvents(null)).contains(SystemEvent.BACKUP_CREATED.name(), SystemEvent.BACKUP_PRUNED.name(),
                SystemEvent.BACKUP_RESTORE_DRILL.name());
    }

    /**
     * A whole restore sets the tables' keys, indexes and foreign keys aside while it loads and
     * builds every one of them again: the drill database ends with exactly the live one's. Setting
     * them aside is the backup login's alone, and a transaction that does not put them back does
     * not commit.
     */
    @Test
    void aWholeRestoreBuildsEveryKeyIndexAndForeignKeyAgainAndNoneCanBeLeftAside() throws Exception {
        fixture.tenant("索引");
        quietOutbox();
        List<String> schema = keysAndIndexes(live);
        long generation = generationOf((String) invoke("backupNow"));
        invoke("restoreDrill", generation);
        assertThat(keysAndIndexes(drill)).as("keys, indexes and foreign keys after the drill")
                .isEqualTo(schema).anyMatch(k -> k.contains("FOREIGN KEY")).anyMatch(k -> k.contains("PRIMARY KEY"));

        try (Connection connection = live.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try (ResultSet setAside = statement.executeQuery("SELECT backup_set_aside_indexes(ARRAY['expense_line'])")) {
                setAside.next();
                assertThat(setAside.getInt(1)).as("set aside on expense_line").isGreaterThan(2);
            }
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("set aside by the restore were not put back");
        }
        assertThat(keysAndIndexes(live)).as("after the refused commit").isEqualTo(schema);

        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT backup_set_aside_indexes(ARRAY['expense_line'])"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    /** Every constraint and index of the public schema with its definition and whether it is validated. */
    private static List<String> keysAndIndexes(DataSource database) throws SQLException {
        return Rows.firstColumn(database.getConnection(), """
                SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' validated=' || convalidated
                  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                UNION ALL
                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                 WHERE c.relnamespace = 'public'::regnamespace
                 ORDER BY 1""");
    }

    @Test
    void anIncrementalGenerationHoldsTheChangedAndDeletedRowsAndNothingElse() throws Exception {
        Seeded tenant = fixture.tenant("差分");
        quietOutbox();
        invoke("backupNow");
        change(tenant.tenantId(), "UPDATE expense_report SET title = title || ' (改)'");
        change(tenant.tenantId(), "DELETE FROM api_token");

        Manifest small = newest();
        long generation = generationOf((String) invoke("backupNow"));
        Manifest incremental = manifest(generation);

        assertThat(incremental.kind()).isEqualTo(Manifest.Kind.INCREMENTAL);
        assertThat(incremental.base()).isEqualTo(small.generation());
        assertThat(rowsOf(incremental, "expense_report")).isEqualTo(stored("expense_report", tenant.tenantId()));
        assertThat(incremental.tables()).as("the backup's own audit entries aside, only the changed rows")
                .filteredOn(part -> !part.table().equals("system_audit_log") && part.rows() > 0)
                .extracting(Manifest.TablePart::table).containsExactly("expense_report");
        assertThat(incremental.tombstones().rows()).isEqualTo(1);
        long database = checksums(live).values().stream().mapToLong(sum -> Long.parseLong(sum.split(":")[0])).sum();
        assertThat(database).as("rows in the database").isGreaterThan(100 * incremental.rows());
    }

    @Test
    void damageIsReportedByGenerationAndChunkAndARestoreOfItChangesNothing() throws Exception {
        fixture.tenant("改ざん");
        invoke("backupNow");
        change(fixture.tenant("改ざん 2").tenantId(), "UPDATE expense_report SET title = 'x'");
        quietOutbox();
        long generation = generationOf((String) invoke("backupNow"));
        invoke("restoreDrill", generation);
        Map<String, String> drilled = checksums(drill);
        Manifest manifest = manifest(generation);
        Manifest.Chunk chunk = manifest.tables().stream().filter(p -> p.table().equals("expense_report"))
                .findFirst().orElseThrow().chunks().get(0);
        Path file = directory().resolve(String.format("g%06d", generation)).resolve(chunk.name());
        byte[] original = Files.readAllBytes(file);

        try {
            byte[] flipped = original.clone();
            flipped[flipped.length / 2] ^= 1;
            Files.write(file, flipped);
            assertRefused("verify", generation, "generation " + generation + ", chunk " + chunk.name()
                    + ": SHA-256 does not match the manifest (altered)");
            assertRefused("restoreDrill", generation, "chunk " + chunk.name());
            assertThat(checksums(drill)).isEqualTo(drilled);

            Files.move(file, file.resolveSibling("moved-away"), StandardCopyOption.REPLACE_EXISTING);
            assertRefused("verify", generation, "generation " + generation + ", chunk " + chunk.name() + ": missing");
        } finally {
            Files.deleteIfExists(file.resolveSibling("moved-away"));
            Files.write(file, original);
        }
        assertThat((String) invoke("verify", generation)).startsWith("generation " + generation + " is intact");

        byte[] otherKey = new byte[32];
        Generations withAnotherKey = new Generations(new FileBackupStore(directory()),
                new BackupKeys("other", Map.of("other", otherKey)));
        assertThatThrownBy(() -> withAnotherKey.verify(generation)).isInstanceOf(Generations.Damaged.class)
                .hasMessageContaining("generation " + generation + ": the manifest's key ")
                .hasMessageContaining("is not configured");
        String keyId = manifest.keyId();
        Generations sameIdWrongKey = new Generations(new FileBackupStore(directory()),
                new BackupKeys(keyId, Map.of(keyId, otherKey)));
        assertThatThrownBy(() -> sameIdWrongKey.verify(generation)).isInstanceOf(Generations.Damaged.class)
                .hasMessageContaining("generation " + generation + ": the manifest does not match its MAC");
        assertThat(auditEvents(null)).contains(SystemEvent.BACKUP_VERIFIED.name());
    }

    @Test
    void aRunKilledHalfWayLeavesTheGenerationsBeforeItAndTheNextRunSucceeds() throws Exception {
        fixture.tenant("中断");
        quietOutbox();
        long before = generationOf((String) invoke("backupNow"));
        Path partial = directory().resolve(String.format("g%06d.partial", before + 1));
        Files.createDirectories(partial);
        Files.write(partial.resolve("expense_report-00001.chunk"), Base64.getDecoder().decode("AAAA"));

        assertThat(listed()).endsWith(before);
        assertThat((String) invoke("verify", before)).startsWith("generation " + before + " is intact");
        long after = generationOf((String) invoke("backupNow"));
        assertThat(after).isEqualTo(before + 1);
        assertThat(Files.exists(partial)).isFalse();
        invoke("restoreDrill", after);
        assertThat(checksums(drill)).isEqualTo(checksums(live));
    }

    @Test
    void oneTenantIsPutBackAsOfAGenerationAndEveryOtherRowStaysAsItIs() throws Exception {
        Seeded victim = fixture.tenant("復元する会社");
        Seeded bystander = fixture.tenant("無関係な会社");
        quietOutbox();
        long generation = generationOf((String) invoke("backupNow"));
        Map<String, String> victimThen = checksums(live, victim.tenantId());

        change(victim.tenantId(), "UPDATE expense_report SET title = '誤って変更'");
        change(victim.tenantId(), "DELETE FROM api_token");
        change(bystander.tenantId(), "UPDATE expense_report SET title = 'この後の変更'");
        fixture.tenant("その後の会社");
        quietOutbox();
        Map<String, String> everythingElse = checksumsExcept(victim.tenantId());

        String slug = victim.tenant().getSlug();
        try {
            Instant published = TestClock.freezeNow();
            assertThatThrownBy(() -> invoke("restoreTenant", slug, generation))
                    .hasMessageContaining("No restore notice to this tenant names generation " + generation);
            invoke("publishTenantRestoreNotice", bystander.tenant().getSlug(), generation, published.toString(), "別の会社の復元");
            invoke("publishTenantRestoreNotice", slug, generation, published.toString(), "誤操作からの復旧");
            TestClock.move(LEAD.minusSeconds(1));
            assertThatThrownBy(() -> invoke("restoreTenant", slug, generation))
                    .hasMessageContaining("a live restore may start " + LEAD + " after that");
            assertThat(checksums(live, victim.tenantId())).as("nothing restored yet").isNotEqualTo(victimThen);
            TestClock.move(Duration.ofSeconds(1));

            assertThat((String) invoke("restoreTenant", slug, generation)).startsWith("tenant " + slug + " restored");
        } finally {
            TestClock.reset();
        }

        assertThat(checksums(live, victim.tenantId())).isEqualTo(victimThen);
        assertThat(checksumsExcept(victim.tenantId())).isEqualTo(everythingElse);
        assertThat(auditEvents(victim.tenantId())).contains(SystemEvent.BACKUP_RESTORE_NOTICE.name(),
                SystemEvent.BACKUP_TENANT_RESTORED.name());
        assertThat(maintenance.notices()).filteredOn(notice -> victim.tenantId().equals(notice.tenant()))
                .singleElement().satisfies(notice -> assertThat(notice.carriedOutAt()).isNotNull());
        assertThat(maintenance.notices()).filteredOn(notice -> bystander.tenantId().equals(notice.tenant()))
                .as("the other tenant's notice stays unused").singleElement()
                .satisfies(notice -> assertThat(notice.carriedOutAt()).isNull());
        assertThatThrownBy(() -> invoke("restoreTenant", slug, generation)).as("a notice serves one restore")
                .hasMessageContaining("No restore notice to this tenant");

        long next = generationOf((String) invoke("backupNow"));
        invoke("restoreDrill", next);
        assertThat(checksums(drill)).as("the generation after the tenant's restore").isEqualTo(checksums(live));
    }

    @Test
    void ofServersSharingTheDatabaseOnlyOneRunsADaysBackup() throws Exception {
        LocalDate day = unclaimedDay();
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        BackupDatabase database = new BackupDatabase(live);
        assertThat(database.claim(day, "server-a", at)).isTrue();
        assertThat(database.claim(day, "server-b", at)).isFalse();
        assertThat(database.claim(day, "server-a", at)).as("nor the same one twice").isFalse();
        assertThat(database.claim(day.plusDays(1), "server-b", at)).isTrue();
    }

    @Test
    void theDailyBackupRunsOncePerTokyoDayWhateverTheDateIsInUtc() throws SQLException {
        // The day of a daily backup is Tokyo's, and it starts at 02:00 there (17:00 UTC the day before).
        LocalDate day = unclaimedDay();
        try {
            TestClock.freeze(day.atTime(16, 59, 59).toInstant(ZoneOffset.UTC));
            assertThat(backups.runDaily()).as("01:59:59 in Tokyo: the backup of the Tokyo day before").isTrue();
            TestClock.freeze(day.atTime(17, 0).toInstant(ZoneOffset.UTC));
            assertThat(backups.runDaily()).as("02:00 in Tokyo: the new day's").isTrue();
            TestClock.freeze(day.atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
            assertThat(backups.runDaily()).as("23:59:59 UTC, the same Tokyo day").isFalse();
            TestClock.freeze(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(backups.runDaily()).as("00:00 UTC, a new UTC day but the same Tokyo day").isFalse();
            TestClock.freeze(day.plusDays(1).atTime(17, 0).toInstant(ZoneOffset.UTC));
            assertThat(backups.runDaily()).as("02:00 in Tokyo the day after").isTrue();
        } finally {
            TestClock.reset();
        }
        assertThat(Rows.firstColumn(live.getConnection(), "SELECT day::text FROM backup_run WHERE day BETWEEN ? AND ? ORDER BY day",
                day, day.plusDays(2))).containsExactly(day.toString(), day.plusDays(1).toString(), day.plusDays(2).toString());
    }

    /** A day no run of this suite has claimed yet (the claims stay in the database from run to run). */
    private static LocalDate unclaimedDay() {
        return LocalDate.of(3000, 1, 1).plusDays(3L * new java.util.Random().nextInt(100_000));
    }

    // ---------------------------------------------------------------------------------------------

    private Object invoke(String operation, Object... arguments) throws Exception {
        String[] signature = java.util.Arrays.stream(arguments)
                .map(a -> a instanceof Long ? "long" : String.class.getName()).toArray(String[]::new);
        return jmx.invoke(new ObjectName(BackupOperations.NAME), operation, arguments, signature);
    }

    private void assertRefused(String operation, long generation, String message) {
        assertThatThrownBy(() -> invoke(operation, generation)).isInstanceOf(MBeanException.class)
                .satisfies(e -> assertThat(((MBeanException) e).getTargetException())
                        .isInstanceOf(OperationsException.class).hasMessageContaining(message));
    }

    private List<Long> listed() throws Exception {
        return java.util.Arrays.stream((String[]) invoke("listGenerations")).map(BackupIT::generationOf).toList();
    }

    private static long generationOf(String line) {
        return Long.parseLong(line.replaceAll(".*generation=(\\d+).*", "$1"));
    }

    private Manifest newest() throws Exception {
        List<Long> numbers = listed();
        return manifest(numbers.get(numbers.size() - 1));
    }

    private Manifest manifest(long generation) throws Exception {
        return Manifest.fromJson(Files.readAllBytes(directory().resolve(String.format("g%06d", generation))
                .resolve(Manifest.NAME)));
    }

    private static long rowsOf(Manifest manifest, String table) {
        return manifest.tables().stream().filter(p -> p.table().equals(table)).mapToLong(Manifest.TablePart::rows).sum();
    }

    private static Path directory() {
        return Path.of(ConfigProvider.getConfig().getValue("sapphire.backup.directory", String.class));
    }

    /** Runs a statement as the application in a tenant, the way its own code changes rows. */
    private void change(UUID tenant, String sql) throws SQLException {
        try (Connection connection = application.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('sapphire.tenant_id', '" + tenant + "', true)");
                statement.executeUpdate(sql);
            }
            connection.commit();
        }
    }

    private long stored(String table, UUID tenant) throws SQLException {
        try (Connection connection = live.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
            count.setObject(1, tenant);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Map<String, String> checksums(DataSource database) throws SQLException {
        return checksums(database, table -> "");
    }

    /** One tenant's rows in every table (the tenant registry's row by its id). */
    private Map<String, String> checksums(DataSource database, UUID tenant) throws SQLException {
        return checksums(database, table -> table.tenantColumn() == null ? null
                : " WHERE " + table.tenantColumn() + " = '" + tenant + "'");
    }

    /** Every row of every table but those of one tenant. */
    private Map<String, String> checksumsExcept(UUID tenant) throws SQLException {
        return checksums(live, table -> table.tenantColumn() == null ? ""
                : " WHERE " + table.tenantColumn() + " <> '" + tenant + "'");
    }

    private record Covered(String name, String tenantColumn) {
    }

    /**
     * Per backed-up table (the deletion ledger is outside the backups by design, see TenantDeletionIT): row count and MD5 of its rows as JSON in a stable order, without their
     * change numbers (a tenant's restore renumbers its rows) and without the audit entries the
     * backup operations themselves write. {@code where} filters a table's rows, or leaves the
     * table out (null).
     */
    private Map<String, String> checksums(DataSource database, Function<Covered, String> where) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            List<Covered> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT c.relname, CASE WHEN c.relname = 'tenant' THEN 'id'
                           WHEN EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
                           THEN 'tenant_id' END
                      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'
                       AND c.relname NOT LIKE 'backup\\_%' AND c.relname <> 'tenant_deletion' ORDER BY 1""")) {
                while (rows.next()) {
                    tables.add(new Covered(rows.getString(1), rows.getString(2)));
                }
            }
            for (Covered table : tables) {
                String filter = where.apply(table);
                if (filter == null) {
                    continue;
                }
                if (table.name().equals("system_audit_log")) {
                    filter += (filter.isEmpty() ? " WHERE" : " AND") + " event NOT LIKE 'BACKUP\\_%'";
                }
                try (ResultSet sum = statement.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(j, E'\\n'"
                        + " ORDER BY j), '')) FROM (SELECT (to_jsonb(t) - 'backup_seq')::text AS j FROM " + table.name() + " t" + filter
                        + ") rows")) {
                    sum.next();
                    sums.put(table.name(), sum.getString(1));
                }
            }
        }
        return sums;
    }

    private List<String> auditEvents(UUID tenant) {
        return tenant == null ? audit.column("SELECT DISTINCT event FROM system_audit_log")
                : audit.column("SELECT DISTINCT event FROM system_audit_log WHERE tenant_ref = ?", tenant);
    }
}
