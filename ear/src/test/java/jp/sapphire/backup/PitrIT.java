package jp.sapphire.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.Poll;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestSmtp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Point-in-time recovery as the operators run it (docs/BACKUP.md): a PostgreSQL cluster of its
 * own, made by the test with Debian's PostgreSQL and archiving its WAL through the product's
 * {@code sapphire-pitr} into an encrypted pgBackRest repository; the test server's batch side runs
 * the same script ({@code sapphire.pitr.command} of server-config/src/test/liberty/arquillian.xml)
 * when an operator asks through JMX. Reports are written, the moment noted, more written; a drill
 * restores a scratch cluster to that moment and holds exactly the first reports. The repository
 * verifies; one byte changed in it, it does not, and the daily job's record, the status screen and
 * the alerts say so. The live cluster, its reports deleted by mistake, is restored to the moment
 * before — only as a published restore notice allows, after its lead time. Runs with the
 * whole-system tests: it raises an alert, records a daily job and announces a restore to every tenant.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PitrIT {

    private static final Path ROOT = Path.of("/tmp/sapphire-pitr-it");
    private static final Path DATA = ROOT.resolve("pg");
    private static final Path HOME = ROOT.resolve("home");
    private static final int PORT = 9598;
    private static final int DRILL_PORT = 9599;
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Path SCRIPT = Path.of(System.getProperty("arquillian.wlp.home")).getParent().getParent().resolve("sapphire-pitr");
    private static final boolean ROOT_USER = "root".equals(System.getProperty("user.name"));

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    /** The restore notice's mail to every tenant's administrators goes somewhere. */
    @RegisterExtension
    final TestSmtp smtp = new TestSmtp();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @BeforeAll
    static void cluster() throws Exception {
        removeCluster();
        Files.createDirectories(ROOT);
        if (ROOT_USER) {
            run(List.of("chown", "postgres:postgres", ROOT.toString()), true);
        }
        run(asDatabaseUser(BIN.resolve("initdb").toString(), "-D", DATA.toString(), "-U", "postgres", "-A", "trust"), true);
        String settings = "port = " + PORT + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '" + ROOT + "'\n"
                + run(pitr("archive-settings"), true);
        run(asDatabaseUser("bash", "-c", "cat >> " + DATA.resolve("postgresql.conf") + " <<'SETTINGS'\n" + settings + "SETTINGS"), true);
        run(asDatabaseUser(BIN.resolve("pg_ctl").toString(), "-D", DATA.toString(), "-l", ROOT.resolve("postgres.log").toString(),
                "-w", "start"), true);
        run(pitr("configure"), true);
        Superuser.execute("DELETE FROM job_run WHERE job = 'pitr'", "DELETE FROM monitor_alert");
    }

    @AfterAll
    static void removeCluster() throws Exception {
        if (Files.exists(ROOT)) {
            run(pitr("drill-stop"), false);
            if (Files.exists(DATA.resolve("postmaster.pid"))) {
                run(asDatabaseUser(BIN.resolve("pg_ctl").toString(), "-D", DATA.toString(), "-m", "immediate", "stop"), false);
            }
            run(List.of("rm", "-rf", ROOT.toString()), true);
        }
        // No banner of this test's restore on the pages of the tests that come after it.
        Superuser.execute("DELETE FROM job_run WHERE job = 'pitr'", "DELETE FROM monitor_alert", "DELETE FROM backup_notice WHERE generation = 0");
    }

    @Test
    @Order(1)
    void aDrillRestoresAScratchClusterToTheNotedMomentWithExactlyTheReportsWrittenBefore() throws Exception {
        String backup = (String) OperatorJmx.backups("pitrBackup", "full");
        assertThat(backup).startsWith("backup: OK").contains("verify: OK");
        assertThat(Superuser.column("SELECT outcome || ' ' || verified || ' ' || server FROM job_run WHERE job = 'pitr'"))
                .singleElement().asString().startsWith("SUCCESS true ");

        String noted;
        try (Connection db = live(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE report (title text NOT NULL)");
            sql.execute("INSERT INTO report VALUES ('東京 出張'), ('大阪 出張'), ('文具')");
            noted = single(sql, NOW);
            sql.execute("INSERT INTO report VALUES ('名古屋 出張'), ('会食')");
            archiveNow(db);
        }

        List<String> points = Arrays.asList((String[]) OperatorJmx.backups("pitrRecoveryPoints"));
        assertThat(points).anyMatch(line -> line.matches("backup \\d{8}-\\d{6}F full \\S+Z \\S+Z"));
        String[] window = points.stream().filter(line -> line.startsWith("window ")).findFirst().orElseThrow().split(" ");
        Instant moment = Instant.parse(noted);
        assertThat(Instant.parse(window[1])).as("the window opens at the base backup's end").isBefore(moment);
        assertThat(Instant.parse(window[2]).plusSeconds(1)).as("and reaches the newest archived WAL").isAfter(moment);

        // The operator names the moment in Tokyo time; the scratch cluster is restored to the same instant.
        String tokyo = OffsetDateTime.ofInstant(moment, ZoneOffset.ofHours(9)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat((String) OperatorJmx.backups("pitrDrill", tokyo)).contains("drill: restored to").contains("on port " + DRILL_PORT);
        try (Connection drill = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DRILL_PORT + "/postgres", "postgres", "");
             Statement sql = drill.createStatement()) {
            assertThat(titles(sql)).containsExactlyInAnyOrder("東京 出張", "大阪 出張", "文具");
        }
        assertThat(Superuser.column("SELECT event || ' ' || outcome || ' ' || actor FROM system_audit_log WHERE event LIKE 'PITR%'"
                + " AND occurred_at > now() - interval '1 hour' ORDER BY id")).contains("PITR_BACKUP SUCCESS operator:alice",
                "PITR_VERIFIED SUCCESS operator:alice", "PITR_LISTED SUCCESS operator:alice", "PITR_DRILL SUCCESS operator:alice");
    }

    @Test
    @Order(2)
    void aTamperedRepositoryFailsVerificationAndTheDailyJobStatusAndAlertsSaySo() throws Exception {
        assertThat((String) OperatorJmx.backups("pitrVerify")).endsWith("verify: OK");
        Path file;
        try (Stream<Path> files = Files.walk(HOME.resolve("repo/backup"))) {
            file = files.filter(p -> Files.isRegularFile(p) && p.toString().contains("/pg_data/base/") && p.toFile().length() > 200).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 0x5a;
        Files.write(file, bytes);

        OperatorJmx.assertRefused(() -> OperatorJmx.backups("pitrVerify"), "checksum invalid: 1");
        String daily = (String) OperatorJmx.backups("pitrBackup", "incr");
        assertThat(daily).contains("verify: FAILED");
        assertThat(Superuser.column("SELECT outcome || ' ' || verified FROM job_run WHERE job = 'pitr'")).containsExactly("SUCCESS false");
        assertThat(String.join("\n", (String[]) OperatorJmx.status("status"))).contains("pitr  SUCCESS NOT VERIFIED");
        assertThat((String) OperatorJmx.status("evaluateAlerts")).contains("pitr.run");
        assertThat(Superuser.column("SELECT detail FROM monitor_alert WHERE alert_key = 'pitr.run' AND cleared_at IS NULL"))
                .singleElement().asString().startsWith("The last point-in-time base backup, started ").contains("did not verify");
    }

    @Test
    @Order(3)
    void aLiveRestoreToAMomentWaitsForItsNoticeAndPutsTheClusterBackAsItWas() throws Exception {
        String moment;
        try (Connection db = live(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO report VALUES ('福岡 出張')");
            moment = single(sql, NOW);
            // The failure the restore answers: every report deleted by mistake.
            sql.execute("DELETE FROM report");
            archiveNow(db);
        }
        OperatorJmx.assertRefused(() -> OperatorJmx.backups("restoreLivePointInTime", moment), "No restore notice names the moment");
        Instant now = ServerClock.freezeNow();
        String at = now.plus(Duration.ofHours(25)).atOffset(ZoneOffset.ofHours(9)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        OperatorJmx.assertRefused(() -> OperatorJmx.backups("publishPointInTimeRestoreNotice", "2001-01-01T00:00Z", at, "障害"),
                "outside the recovery window");
        assertThat((String) OperatorJmx.backups("publishPointInTimeRestoreNotice", moment, at, "ディスク障害からの復旧"))
                .startsWith("notice ").contains(": the moment " + Instant.parse(moment));
        OperatorJmx.assertRefused(() -> OperatorJmx.backups("restoreLivePointInTime", moment), "a live restore may start PT24H after");

        ServerClock.move(Duration.ofHours(25));
        assertThat((String) OperatorJmx.backups("restoreLivePointInTime", moment)).contains("the live database restored to the moment");
        try (Connection db = live(); Statement sql = db.createStatement()) {
            assertThat(titles(sql)).containsExactlyInAnyOrder("東京 出張", "大阪 出張", "文具", "名古屋 出張", "会食", "福岡 出張");
            assertThat(single(sql, "SELECT pg_is_in_recovery()::text")).as("promoted, taking writes").isEqualTo("false");
        }
        assertThat(Superuser.column("SELECT (carried_out_at IS NOT NULL)::text FROM backup_notice WHERE generation = 0 AND data_as_of = ?::timestamptz",
                moment)).containsExactly("true");
        assertThat(Superuser.column("SELECT (maintenance_since IS NULL)::text FROM backup_state")).containsExactly("true");
        assertThat(Superuser.column("SELECT outcome FROM system_audit_log WHERE actor = 'operator:alice'"
                + " AND event = 'BACKUP_RESTORED_LIVE' AND detail = ?", "the live database restored to the moment " + Instant.parse(moment)))
                .containsExactly("SUCCESS");
        assertThat(Superuser.column("SELECT outcome || ' ' || detail FROM system_audit_log WHERE actor = 'operator:alice'"
                + " AND event = 'PITR_RESTORED_LIVE' ORDER BY id DESC LIMIT 1")).singleElement().asString()
                .startsWith("SUCCESS restore-live: restore: the live cluster restored to ");
    }

    @Test
    @Order(4)
    void badInputIsRefusedNamingTheRule() {
        OperatorJmx.assertRefused(() -> OperatorJmx.backups("pitrBackup", "weekly"), "full, diff or incr");
        OperatorJmx.assertRefused(() -> OperatorJmx.backups("pitrDrill", "yesterday"), "ISO-8601 with an offset");
        OperatorJmx.assertRefused(() -> OperatorJmx.backups("pitrDrill", "2001-01-01T00:00+09:00"), "no backup ended before");
    }

    /** The database's "now" in UTC, to the microsecond, as an operator would note it. */
    private static final String NOW = "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

    /** The WAL segment written so far closed and archived, as archive_timeout would within a minute. */
    private static void archiveNow(Connection db) throws SQLException {
        String segment;
        try (Statement sql = db.createStatement()) {
            segment = single(sql, "SELECT pg_walfile_name(pg_switch_wal())");
        }
        assertThat(Poll.until(Duration.ofSeconds(60), () -> segment.compareTo(query(db,
                "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")) <= 0)).as("WAL segment " + segment + " archived").isTrue();
    }

    private static List<String> titles(Statement sql) throws SQLException {
        List<String> titles = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT title FROM report")) {
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
        }
        return titles;
    }

    private static Connection live() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/postgres", "postgres", "");
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String query(Connection db, String query) {
        try (Statement sql = db.createStatement()) {
            return single(sql, query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> pitr(String... arguments) {
        List<String> command = new ArrayList<>(List.of("env", "SAPPHIRE_PITR_HOME=" + HOME, "SAPPHIRE_PITR_PGDATA=" + DATA,
                "SAPPHIRE_PITR_PGPORT=" + PORT, "SAPPHIRE_PITR_PGSOCKET=" + ROOT, "SAPPHIRE_PITR_DRILL_PORT=" + DRILL_PORT,
                SCRIPT.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** PostgreSQL's programs refuse root: as root, they run as the database's system user. */
    private static List<String> asDatabaseUser(String... command) {
        List<String> words = new ArrayList<>(ROOT_USER ? List.of("runuser", "-u", "postgres", "--") : List.of());
        words.addAll(List.of(command));
        return words;
    }

    private static String run(List<String> command, boolean mustSucceed) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (mustSucceed && (!ended || process.exitValue() != 0)) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
