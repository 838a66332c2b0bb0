package jp.sapphire.monitoring;

import static jp.sapphire.it.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sapphire.it.AdminCli;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.MetricsScrape;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.Poll;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.TestSmtp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whitepaper §6 and §14 as the operators live them (docs/MONITORING.md): the scrape on the
 * management port holds Liberty's series and SAPPHIRE's, with sane values and no label that names a
 * person, a report or an amount; the customer port has none. Each stored figure per tenant is what
 * the database holds. A stale backup, an outbox that stopped moving, a tenant above its plan, a
 * deletion about to fall due, a full disk or heap each reach the operators' mailbox once, are
 * mailed again only after the repeat interval, and clear with a mail; each is in the system audit
 * log and on the status screen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonitoringIT {

    private static final String OPERATORS = "operators@sapphire.example";
    private static final String ORGANISATION = """
            department 111 営業1課 - sato
            member yamada 111
            member sato 111
            route 標準 100 2020-01-01 -
            step 課長承認 MANAGER 1
            """;

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    /** Every test starts with no open alert and the configured thresholds: what it sees raised, it raised. */
    @BeforeEach
    void noAlerts() {
        Superuser.execute("DELETE FROM monitor_alert", "DELETE FROM monitor_threshold");
    }

    private static RemoteTenant company() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato");
        RemoteFixture.organise(idp, tenant, ORGANISATION);
        return tenant;
    }

    /** What one evaluation of the alerts did, as the operator's console answers it. */
    private record Evaluation(List<String> raised, List<String> repeated, List<String> cleared, List<String> open) {
    }

    private static final Pattern EVALUATION = Pattern.compile(
            "raised \\[(.*)], mailed again \\[(.*)], cleared \\[(.*)]; open \\[(.*)]");

    private static Evaluation evaluate() throws Exception {
        String answer = (String) OperatorJmx.status("evaluateAlerts");
        Matcher parts = EVALUATION.matcher(answer);
        assertThat(parts.matches()).as(answer).isTrue();
        return new Evaluation(keys(parts.group(1)), keys(parts.group(2)), keys(parts.group(3)), keys(parts.group(4)));
    }

    private static List<String> keys(String list) {
        return list.isBlank() ? List.of() : List.of(list.split(", "));
    }

    private static Predicate<MimeMessage> alertMail(String state, String key) {
        return mail -> TestSmtp.recipient(mail).equals(OPERATORS)
                && TestSmtp.subject(mail).equals("[SAPPHIRE alert] " + state + ": " + key);
    }

    /**
     * Mails about {@code key} queued at {@code at} (the server's clock stood still then), sent or
     * not. Rows are looked up at their exact time: the test database keeps earlier runs' rows, and
     * other tests' clocks ran ahead of this one's.
     */
    private static long operatorMails(String state, String key, Instant at) {
        return Long.parseLong(Superuser.column("SELECT count(*)::text FROM operator_mail WHERE subject = ? AND created_at = ?",
                "[SAPPHIRE alert] " + state + ": " + key, Timestamp.from(at)).get(0));
    }

    /** The audit entries of an alert written at {@code at}. */
    private static List<String> audited(String event, String key, Instant at) {
        return Superuser.column("SELECT detail FROM system_audit_log WHERE event = ? AND detail LIKE ? AND occurred_at = ?",
                event, key + ":%", Timestamp.from(at));
    }

    /** The audit entry of the clearing of the alert raised at {@code raisedAt}. */
    private static List<String> clearing(String key, Instant raisedAt) {
        return Superuser.column("SELECT detail FROM system_audit_log WHERE event = 'ALERT_CLEARED' AND detail = ?",
                key + ": raised at " + raisedAt);
    }

    @Test
    void theManagementPortIsScrapedWithSaneValuesAndNoLabelNamesAPersonAReportOrAnAmount() throws Exception {
        RemoteTenant tenant = company();
        String title = "監視の対象外 " + UUID.randomUUID();
        MetricsScrape before = MetricsScrape.scrape();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, "yamada");
        String report = ApiReports.submitted(tenant, yamada, title, 4_321);
        expect(yamada.get("/reports/" + report), 200);
        expect(yamada.get("/reports?status=SUBMITTED"), 200);
        Browser stranger = new Browser();
        SignInFlow.start(stranger, tenant.slug());
        assertThat(SignInFlow.refusal(stranger, SignInFlow.callback(stranger, tenant.slug(), "made-up", "x")))
                .isEqualTo("STATE_MISMATCH");
        ServerClock.freezeNow();
        RemoteTenant flooded = company();
        for (int i = 0; i < 31; i++) {
            new Browser().get(Browser.SECURE + "/t/" + flooded.slug() + "/");
        }
        OperatorJmx.backups("backupNow");
        OperatorJmx.status("status");
        MetricsScrape after = MetricsScrape.scrape();

        assertThat(after.of("http_server_request_duration_seconds_count", "http_route", "/api/v1/reports/{id}",
                "http_request_method", "GET", "http_response_status_code", "200")).singleElement()
                .satisfies(s -> assertThat(s.value()).isGreaterThanOrEqualTo(1));
        assertThat(after.of("http_server_request_duration_seconds_bucket", "http_route", "/api/v1/reports/{id}",
                "http_request_method", "GET", "http_response_status_code", "200")).extracting(s -> s.labels().get("le"))
                .as("a latency histogram").contains("0.1", "1.0", "+Inf");
        assertThat(after.value("memory_usedHeap_bytes")).isPositive();
        assertThat(after.value("memory_maxHeap_bytes")).isGreaterThan(after.value("memory_usedHeap_bytes"));
        assertThat(after.of("gc_total")).isNotEmpty();
        assertThat(after.value("thread_count")).isPositive();
        assertThat(after.value("connectionpool_managedConnections", "datasource", "jdbc_sapphire")).isPositive();
        assertThat(after.of("connectionpool_queuedRequests_total", "datasource", "jdbc_sapphire")).hasSize(1);
        assertThat(after.of("connectionpool_freeConnections", "datasource", "jdbc_sapphire")).hasSize(1);
        assertThat(after.value("sapphire_signin_total", "outcome", "success", "reason", "none")
                - before.value("sapphire_signin_total", "outcome", "success", "reason", "none")).isEqualTo(1);
        assertThat(after.value("sapphire_signin_total", "outcome", "refused", "reason", "STATE_MISMATCH")
                - before.value("sapphire_signin_total", "outcome", "refused", "reason", "STATE_MISMATCH")).isEqualTo(1);
        assertThat(after.value("sapphire_rate_limit_refused_total", "limit", "sign-in")
                - before.value("sapphire_rate_limit_refused_total", "limit", "sign-in")).isEqualTo(1);
        assertThat(after.value("sapphire_api_token_checks_total", "outcome", "accepted")
                - before.value("sapphire_api_token_checks_total", "outcome", "accepted")).isGreaterThanOrEqualTo(6);

        assertThat(after.value("sapphire_backup_age_seconds")).isBetween(0.0, 120.0);
        assertThat(after.value("sapphire_backup_size_bytes")).isPositive();
        assertThat(after.value("sapphire_backup_generation")).isPositive();
        assertThat(after.value("sapphire_database_size_bytes")).isCloseTo(Double.parseDouble(Superuser.column(
                "SELECT pg_database_size('sapphire_it')::text").get(0)), within(64.0 * 1024 * 1024));
        assertThat(after.value("sapphire_outbox_waiting")).isGreaterThanOrEqualTo(0);
        assertThat(after.value("sapphire_incidents_open")).isEqualTo(Double.parseDouble(Superuser.column(
                "SELECT count(*)::text FROM incident WHERE resolved_at IS NULL").get(0)));
        assertThat(after.value("sapphire_deletions_pending")).isEqualTo(Double.parseDouble(Superuser.column(
                "SELECT count(*)::text FROM tenant_deletion WHERE executed_at IS NULL").get(0)));
        assertThat(after.of("sapphire_job_last_run_age_seconds")).extracting(s -> s.labels().get("job"))
                .containsExactlyInAnyOrder("backup", "deletions", "alerts");
        assertThat(after.value("sapphire_tenant_reports", "tenant", tenant.slug())).isEqualTo(1);
        assertThat(after.value("sapphire_tenant_receipts", "tenant", tenant.slug())).isEqualTo(1);
        assertThat(after.value("sapphire_heap_after_gc_percent")).isBetween(0.0, 100.0);

        Set<String> allowed = Set.of("mp_scope", "tenant", "job", "outcome", "reason", "limit", "cause");
        assertThat(after.samples()).filteredOn(s -> s.name().startsWith("sapphire_"))
                .allSatisfy(s -> assertThat(allowed).containsAll(s.labels().keySet()));
        assertThat(after.samples()).filteredOn(s -> s.labels().containsKey("tenant"))
                .allSatisfy(s -> assertThat(s.labels().keySet()).containsExactlyInAnyOrder("mp_scope", "tenant"));
        assertThat(after.samples()).flatExtracting(s -> List.copyOf(s.labels().values())).as("every label value")
                .noneMatch(v -> v.contains("yamada") || v.contains("sato") || v.contains(title) || v.contains("監視")
                        || v.contains("4321") || v.contains("4,321") || v.contains(report));
    }

    @Test
    void onlyOperatorsScrapeAndOnlyOnTheManagementPort() {
        assertThat(new Browser().get(Browser.SECURE + "/metrics").statusCode()).as("the customer port").isEqualTo(404);
        assertThat(new Browser().get(Browser.PLAIN + "/metrics").statusCode()).as("plain HTTP").isIn(404, 302);
        assertThat(new Browser().get(OperatorJmx.MANAGEMENT + "/metrics").statusCode()).as("no account").isEqualTo(401);
        assertThat(new Browser().get(OperatorJmx.MANAGEMENT + "/metrics", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("alice:wrong".getBytes())).statusCode()).as("a wrong password").isEqualTo(401);
        ApiClient member = ApiClient.signedIn(idp, company(), "yamada");
        assertThat(new Browser().get(OperatorJmx.MANAGEMENT + "/metrics", member.authorization()).statusCode())
                .as("a member's API token").isEqualTo(401);
    }

    @Test
    void eachTenantsStorageIsWhatTheDatabaseHolds() throws Exception {
        RemoteTenant busy = company();
        RemoteTenant quiet = company();
        ApiClient yamada = ApiClient.signedIn(idp, busy, "yamada");
        ApiReports.submitted(busy, yamada, "出張 " + UUID.randomUUID(), 12_000);
        ApiReports.draft(busy, yamada, "文具 " + UUID.randomUUID(), 800);
        expect(ApiClient.signedIn(idp, quiet, "yamada").post("/reports", "{\"title\": \"下書き\"}"), 201);

        String[] status = (String[]) OperatorJmx.status("status");
        MetricsScrape scrape = MetricsScrape.scrape();
        for (RemoteTenant tenant : List.of(busy, quiet)) {
            List<String> held = List.of(Superuser.column("""
                    SELECT concat_ws(' ', (SELECT count(*) FROM member WHERE tenant_id = t.id),
                        (SELECT count(*) FROM expense_report WHERE tenant_id = t.id),
                        (SELECT count(*) FROM expense_line WHERE tenant_id = t.id),
                        (SELECT count(*) FROM receipt WHERE tenant_id = t.id),
                        (SELECT coalesce(sum(size_bytes), 0) FROM receipt WHERE tenant_id = t.id),
                        (SELECT count(*) FROM action_log WHERE tenant_id = t.id))
                    FROM tenant t WHERE t.slug = ?""", tenant.slug()).get(0).split(" "));
            List<String> scraped = List.of("members", "reports", "lines", "receipts", "receipts_size_bytes", "log_entries").stream()
                    .map(name -> String.valueOf((long) scrape.value("sapphire_tenant_" + name, "tenant", tenant.slug()))).toList();
            assertThat(scraped).as(tenant.slug()).isEqualTo(held);
            assertThat(status).anySatisfy(line -> assertThat(line.strip().split("\\s+")).startsWith(tenant.slug(),
                    held.get(0), held.get(1), held.get(2), held.get(3)));
        }
        assertThat(scrape.value("sapphire_tenant_receipts", "tenant", busy.slug())).isEqualTo(2);
        assertThat(scrape.value("sapphire_tenant_reports", "tenant", quiet.slug())).isEqualTo(1);
        assertThat(scrape.value("sapphire_tenant_receipts_size_bytes", "tenant", quiet.slug())).isZero();
    }

    @Test
    void aStaleBackupIsMailedOnceAgainAfterTheRepeatIntervalAndClearedWhenANewOneIsThere() throws Exception {
        OperatorJmx.backups("backupNow");
        Instant raisedAt = ServerClock.freeze(ServerClock.now().plus(Duration.ofHours(27)).plus(Duration.ofMinutes(1))
                .truncatedTo(ChronoUnit.SECONDS));
        assertThat(evaluate().raised()).contains("backup.age");
        assertThat(smtp.await(alertMail("RAISED", "backup.age"), 1)).singleElement()
                .satisfies(mail -> assertThat(TestSmtp.text(mail)).contains("is 27 h old; the limit is 26 h."));
        assertThat(audited("ALERT_RAISED", "backup.age", raisedAt)).hasSize(1);
        assertThat(new Browser().get(OperatorJmx.MANAGEMENT + "/health/live").body()).contains("\"name\":\"backup\"")
                .contains("\"fresh\":false");
        assertThat(new Browser().get(OperatorJmx.MANAGEMENT + "/health/ready").body()).contains("\"status\":\"UP\"")
                .doesNotContain("backup");
        assertThat(String.join("\n", (String[]) OperatorJmx.status("status"))).contains("Alerts (").contains("  backup.age  since "
                + raisedAt);

        ServerClock.move(Duration.ofHours(1));
        Evaluation hourLater = evaluate();
        assertThat(hourLater.raised()).doesNotContain("backup.age");
        assertThat(hourLater.repeated()).doesNotContain("backup.age");
        assertThat(hourLater.open()).contains("backup.age");
        assertThat(operatorMails("RAISED", "backup.age", raisedAt)).isEqualTo(1);
        assertThat(operatorMails("STILL HOLDS", "backup.age", ServerClock.now())).as("not again within the repeat interval")
                .isZero();

        ServerClock.move(Duration.ofHours(5));
        assertThat(evaluate().repeated()).contains("backup.age");
        smtp.await(alertMail("STILL HOLDS", "backup.age"), 1);

        ServerClock.reset();
        assertThat(evaluate().cleared()).contains("backup.age");
        smtp.await(alertMail("CLEARED", "backup.age"), 1);
        assertThat(clearing("backup.age", raisedAt)).hasSize(1);
        assertThat(evaluate().open()).doesNotContain("backup.age");
        assertThat(new Browser().get(OperatorJmx.MANAGEMENT + "/health/live").body()).contains("\"fresh\":true");
        assertThat(smtp.received(alertMail("RAISED", "backup.age"))).hasSize(1);
    }

    @Test
    void anOutboxThatStopsMovingReachesTheOperatorsWhenTheMailServerIsBackAndClears() throws Exception {
        RemoteTenant tenant = company();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, "yamada");
        ServerClock.freezeNow();
        ServerClock.move(Duration.ofDays(1));
        assertThat(Poll.until(Duration.ofSeconds(60), () -> Superuser.column(
                "SELECT count(*)::text FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL").get(0).equals("0")))
                .as("other tests' mail has left").isTrue();
        // Back to now: the API takes no token issued in its future.
        ServerClock.reset();
        Superuser.execute("DELETE FROM monitor_alert");
        Instant stopped = ServerClock.freezeNow();
        smtp.stop();
        String title = "障害中の申請 " + UUID.randomUUID();
        ApiReports.submitted(tenant, yamada, title, 5_000);

        Instant raisedAt = stopped.plus(Duration.ofMinutes(16));
        ServerClock.move(Duration.ofMinutes(16));
        assertThat(evaluate().raised()).contains("outbox.age");
        assertThat(operatorMails("RAISED", "outbox.age", raisedAt)).isEqualTo(1);
        assertThat(audited("ALERT_RAISED", "outbox.age", raisedAt)).singleElement().asString()
                .contains("mails wait in the outbox, the oldest for 16 min; the limit is 15 min.");
        Evaluation again = evaluate();
        assertThat(again.raised()).doesNotContain("outbox.age");
        assertThat(again.repeated()).doesNotContain("outbox.age");

        smtp.start();
        ServerClock.move(Duration.ofHours(3));
        smtp.await(alertMail("RAISED", "outbox.age"), 1);
        smtp.await(TestSmtp.to("sato@example.com", title), 1);
        assertThat(Poll.until(Duration.ofSeconds(60), () -> Superuser.column(
                "SELECT count(*)::text FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL").get(0).equals("0")))
                .isTrue();
        assertThat(evaluate().cleared()).contains("outbox.age");
        smtp.await(alertMail("CLEARED", "outbox.age"), 1);
        assertThat(clearing("outbox.age", raisedAt)).hasSize(1);
    }

    @Test
    void aTenantAboveItsPlanIsReportedUntilTheOperatorsGiveItALargerOne() throws Exception {
        RemoteTenant tenant = company();
        ApiReports.draft(tenant, ApiClient.signedIn(idp, tenant, "yamada"), "領収書 " + UUID.randomUUID(), 1_000);
        String plan = "tenant.plan-bytes." + tenant.slug();
        Instant since = ServerClock.freezeNow();

        OperatorJmx.assertRefused(() -> OperatorJmx.status("setThreshold", plan, "1 KB"),
                plan + " takes a whole number, 0 or more: 1 KB");
        OperatorJmx.assertRefused(() -> OperatorJmx.status("setThreshold", "tenant.plan-bytes.no-such-tenant", "10"),
                "No tenant no-such-tenant");
        OperatorJmx.assertRefused(() -> OperatorJmx.status("setThreshold", "backup.max-age", "26h"),
                "backup.max-age takes a positive ISO-8601 duration such as PT26H: 26h");
        OperatorJmx.assertRefused(() -> OperatorJmx.status("setThreshold", "disk", "1"), "No threshold disk");
        assertThat(Superuser.column("SELECT name FROM monitor_threshold")).as("nothing refused is kept").isEmpty();

        assertThat(OperatorJmx.status("setThreshold", plan, "10")).isEqualTo(plan + "=10");
        assertThat(String.join("\n", (String[]) OperatorJmx.status("thresholds"))).contains(plan + "=10  (set by an operator)")
                .contains("backup.max-age=PT26H  (default)");
        String key = "tenant.storage:" + tenant.slug();
        assertThat(evaluate().raised()).contains(key);
        assertThat(smtp.await(alertMail("RAISED", key), 1)).singleElement().satisfies(mail -> assertThat(TestSmtp.text(mail))
                .contains("Tenant " + tenant.slug() + " stores ").contains("its plan is 10 B."));
        assertThat(audited("ALERT_RAISED", key, since)).hasSize(1);
        assertThat(Superuser.column("SELECT detail FROM system_audit_log WHERE event = 'ALERT_THRESHOLD_SET' AND detail LIKE ?",
                plan + "%")).containsExactly(plan + "=10");
        Evaluation again = evaluate();
        assertThat(again.raised()).doesNotContain(key);
        assertThat(again.repeated()).doesNotContain(key);
        assertThat(again.open()).contains(key);

        assertThat(AdminCli.run("alert", "threshold", plan, "1073741824").done()).contains(plan + "=1073741824");
        assertThat(AdminCli.run("alert", "evaluate").done()).contains("cleared [").contains(key);
        smtp.await(alertMail("CLEARED", key), 1);
        assertThat(AdminCli.run("alert", "threshold", plan, "lots").refused()).contains("takes a whole number");
        assertThat(smtp.received(alertMail("RAISED", key))).hasSize(1);
    }

    @Test
    void aDeletionAboutToFallDueAFullDiskAndAFullHeapEachRaiseAndClear() throws Exception {
        RemoteTenant leaving = company();
        Instant requested = ServerClock.freezeNow();
        Superuser.execute("INSERT INTO tenant_deletion (tenant_ref, requested_at, requested_by, due_at) VALUES ('" + leaving.id()
                + "', '" + requested + "', 'member:test', '" + requested.plus(Duration.ofDays(30)) + "')");
        try {
            String deletion = "deletion.due:" + leaving.slug();
            assertThat(evaluate().open()).doesNotContain(deletion);
            ServerClock.move(Duration.ofDays(27).plusHours(1));
            assertThat(evaluate().raised()).contains(deletion);
            assertThat(smtp.await(alertMail("RAISED", deletion), 1)).singleElement().satisfies(mail -> assertThat(TestSmtp.text(mail))
                    .contains("(in 2 days) and has not been executed."));
            OperatorJmx.status("status");
            assertThat(MetricsScrape.scrape().value("sapphire_tenant_deletion_due_days", "tenant", leaving.slug())).isEqualTo(2);
            Superuser.execute("DELETE FROM tenant_deletion WHERE tenant_ref = '" + leaving.id() + "'");
            assertThat(evaluate().cleared()).contains(deletion);
            smtp.await(alertMail("CLEARED", deletion), 1);
        } finally {
            Superuser.execute("DELETE FROM tenant_deletion WHERE tenant_ref = '" + leaving.id() + "'");
        }

        OperatorJmx.status("setThreshold", "database.disk-bytes", "1024");
        OperatorJmx.status("setThreshold", "heap.max-percent", "0");
        assertThat(evaluate().raised()).contains("database.disk", "heap");
        assertThat(smtp.await(alertMail("RAISED", "database.disk"), 1)).singleElement()
                .satisfies(mail -> assertThat(TestSmtp.text(mail)).contains("of its 1.0 KiB; the limit is 80 %."));
        smtp.await(alertMail("RAISED", "heap"), 1);
        assertThat(AdminCli.run("status").done()).contains("  database.disk  since ").contains("  heap  since ")
                .contains("Schema version ").contains("Servers (");
        assertThat(AdminCli.run("alert", "reset", "database.disk-bytes").done()).contains("database.disk-bytes is back to its default");
        OperatorJmx.status("resetThreshold", "heap.max-percent");
        assertThat(evaluate().cleared()).contains("database.disk", "heap");
        smtp.await(alertMail("CLEARED", "database.disk"), 1);
        smtp.await(alertMail("CLEARED", "heap"), 1);
    }
}
