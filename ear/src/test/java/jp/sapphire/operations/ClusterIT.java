package jp.sapphire.operations;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Pages;
import jp.sapphire.it.Poll;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SAPPHIRE as a cluster (docs/SCALING.md), started by the test with the README's own script
 * ({@code sapphire-cluster}) from the test server's configuration and the product EAR, on a database
 * of its own: two web servers and a batch server behind HAProxy, the second web server running the
 * batch timers too. A server whose readiness fails leaves the rotation and comes back; the daily
 * backup and each mail happen once with two servers able to do them; a member whose server is
 * killed mid-edit saves the draft on the other, still signed in, with the same page. The tests'
 * helpers reach the balancer and the batch server's management port through the ports this
 * failsafe execution gives them (ear/pom.xml).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String NAME = "sapphire-cit";
    private static final int FIRST_PORT = 9550;
    private static final int STATS_PORT = 9549;
    private static final Path WLP = Path.of(System.getProperty("arquillian.wlp.home"));
    private static final Path SCRIPT = WLP.getParent().getParent().resolve("sapphire-cluster");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final TestSmtp smtp = new TestSmtp();

    private static final RemoteTenant DEMO = new RemoteTenant(null, "demo", "demo", Map.of());

    @BeforeAll
    static void startCluster() throws Exception {
        cluster("start");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster("stop");
    }

    private static void cluster(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true)
                .redirectOutput(WLP.getParent().resolve(NAME + "-" + command + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SAPPHIRE_CLUSTER_WLP", WLP.toString());
        environment.put("SAPPHIRE_CLUSTER_BASE", "sapphire-it");
        environment.put("SAPPHIRE_CLUSTER_NAME", NAME);
        environment.put("SAPPHIRE_CLUSTER_EAR", System.getProperty("sapphire.ear"));
        environment.put("SAPPHIRE_CLUSTER_DB", Superuser.DATABASE);
        environment.put("SAPPHIRE_CLUSTER_PORT", String.valueOf(URI.create(Browser.SECURE).getPort()));
        environment.put("SAPPHIRE_CLUSTER_FIRST_PORT", String.valueOf(FIRST_PORT));
        environment.put("SAPPHIRE_CLUSTER_BATCH_MANAGEMENT_PORT", System.getProperty("sapphire.it.management.port"));
        environment.put("SAPPHIRE_CLUSTER_STATS_PORT", String.valueOf(STATS_PORT));
        environment.put("SAPPHIRE_CLUSTER_WEB_TIMERS", "true");
        environment.put("SAPPHIRE_CLUSTER_VARIABLES", "sapphire.demo.idp-issuer=" + idp.issuer("demo"));
        Process process = builder.start();
        assertThat(process.waitFor(6, TimeUnit.MINUTES)).as("sapphire-cluster " + command).isTrue();
        assertThat(process.exitValue()).as("sapphire-cluster " + command + ": "
                + Files.readString(WLP.getParent().resolve(NAME + "-" + command + ".log"))).isZero();
    }

    /** Each web server as HAProxy's statistics page reports it: UP, DOWN, ... */
    private static Map<String, String> balancerStatus() {
        HttpResponse<String> csv;
        try {
            csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + STATS_PORT
                    + "/stats;csv")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, String> status = new java.util.TreeMap<>();
        for (String line : csv.body().split("\n")) {
            String[] columns = line.split(",");
            if (columns.length > 17 && columns[0].equals("web") && columns[1].startsWith("web")) {
                status.put(columns[1], columns[17]);
            }
        }
        return status;
    }

    private static Path serverDir(String node) {
        return WLP.resolve("usr/servers/" + NAME + "-" + node);
    }

    @Test
    @Order(1)
    void aWebServerWhoseReadinessFailsLeavesTheRotationAndComesBack() throws Exception {
        assertThat(Poll.until(Duration.ofSeconds(30), () -> balancerStatus().equals(Map.of("web1", "UP", "web2", "UP"))))
                .as("both web servers in rotation: " + balancerStatus()).isTrue();
        Path broken = serverDir("web2").resolve("configDropins/overrides/zzz-no-database.xml");
        // web2 loses its database: its application login points at a port nothing listens on.
        Files.writeString(broken, """
                <server>
                    <dataSource id="sapphire"><properties.postgresql portNumber="1"/></dataSource>
                </server>
                """);
        try {
            assertThat(Poll.until(Duration.ofSeconds(60), () -> "DOWN".equals(balancerStatus().get("web2"))))
                    .as("web2 out of rotation: " + balancerStatus()).isTrue();
            assertThat(balancerStatus()).containsEntry("web1", "UP");
            for (int i = 0; i < 6; i++) {
                Browser browser = new Browser();
                assertThat(browser.get(Browser.SECURE + "/t/demo/").statusCode()).isEqualTo(302);
                assertThat(browser.cookie("SAPPHIRE_NODE")).as("every new visitor goes to web1").contains("web1");
            }
        } finally {
            Files.delete(broken);
        }
        assertThat(Poll.until(Duration.ofSeconds(60), () -> "UP".equals(balancerStatus().get("web2"))))
                .as("web2 back in rotation: " + balancerStatus()).isTrue();
    }

    @Test
    @Order(2)
    void theDailyBackupAndEachMailHappenOnceWithTwoServersAbleToDoThem() throws Exception {
        // Both batch-capable servers catch up on the day's backup a minute after they start.
        String day = LocalDate.now(TOKYO).toString();
        assertThat(Poll.until(Duration.ofSeconds(150), () -> !Superuser.column(
                "SELECT count(*)::text FROM job_run WHERE job = 'backup' AND outcome = 'SUCCESS'").get(0).equals("0")))
                .as("the daily backup ran").isTrue();
        assertThat(Superuser.column("SELECT count(*)::text FROM backup_run")).as("one claim of the day").containsExactly("1");
        assertThat(Superuser.column("SELECT count(*)::text FROM system_audit_log WHERE event = 'BACKUP_CREATED'"
                + " AND actor = 'system:backup-timer'")).as("one backup made by the timers").containsExactly("1");
        assertThat(Superuser.column("SELECT count(*)::text FROM server_heartbeat WHERE batch")).as("two batch servers")
                .containsExactly("2");
        assertThat(Superuser.column("SELECT count(*)::text FROM liberty_timers.wlptask WHERE iname LIKE '%#Backups'"))
                .as("one persistent daily backup timer for all servers").containsExactly("1");

        ApiClient yamada = ApiClient.signedIn(idp, DEMO, "yamada");
        String category = Superuser.column("SELECT c.id::text FROM expense_category c JOIN tenant t ON t.id = c.tenant_id"
                + " WHERE t.slug = 'demo' AND c.kind = 'GENERAL' ORDER BY c.code LIMIT 1").get(0);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String title = "クラスタの申請 " + i + " " + UUID.randomUUID();
            titles.add(title);
            submit(yamada, title, category);
        }
        for (String title : titles) {
            smtp.await(TestSmtp.to("sato@demo.example", "承認依頼: " + title), 1);
        }
        assertThat(Superuser.column("SELECT DISTINCT attempts::text FROM mail_outbox WHERE subject LIKE '%クラスタの申請%'"))
                .as("each mail tried once, by one server").containsExactly("1");
        assertThat(smtp.received(mail -> TestSmtp.subject(mail).contains("クラスタの申請"))).hasSize(titles.size());
    }

    private static void submit(ApiClient applicant, String title, String category) {
        Map<String, Object> report = expect(applicant.post("/reports", "{\"title\": \"" + title + "\"}"), 201);
        String id = (String) report.get("id");
        Map<String, Object> withLine = expect(applicant.post("/reports/" + id + "/lines", """
                {"spentOn": "%s", "categoryId": "%s", "amountYen": 1200, "payee": "文具店"}"""
                .formatted(LocalDate.now(TOKYO).minusDays(1), category), "*"), 201);
        String line = (String) list(withLine.get("lines")).get(0).get("id");
        expect(applicant.upload("/reports/" + id + "/lines/" + line + "/receipt", "receipt.pdf",
                ("%PDF-1.7 " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII)), 201);
        expect(applicant.post("/reports/" + id + "/submit", "", "*"), 200);
    }

    @Test
    @Order(3)
    void aMemberWhoseServerDiesSavesTheDraftOnTheOtherStillSignedInWithTheSamePages() throws Exception {
        ApiClient api = ApiClient.signedIn(idp, DEMO, "yamada");
        String draft = (String) expect(api.post("/reports", "{\"title\": \"下書き\"}"), 201).get("id");
        Browser browser = SignInFlow.signedIn(idp, DEMO, "yamada");
        String editor = Browser.SECURE + "/app/reports/edit.xhtml?id=" + draft;
        HttpResponse<String> page = browser.get(editor);
        assertThat(page.statusCode()).isEqualTo(200);
        String node = browser.cookie("SAPPHIRE_NODE").orElseThrow();
        // A second page open in the same session: a list whose rows the view re-reads after the move.
        String tokens = Browser.SECURE + "/app/tokens.xhtml";
        assertThat(Pages.submit(browser, tokens, "create", "submit", Map.of("name", "cluster", "days", "30")).statusCode()).isEqualTo(200);
        HttpResponse<String> tokensPage = browser.get(tokens);
        assertThat(tokensPage.body()).contains("list:tokens:0:revoke");
        String revoked = "SELECT count(*)::text FROM api_token t JOIN member m ON m.id = t.member_id JOIN tenant n ON n.id = m.tenant_id"
                + " WHERE n.slug = 'demo' AND m.subject = 'yamada' AND t.revoked_at IS NOT NULL";
        int revokedBefore = Integer.parseInt(Superuser.column(revoked).get(0));

        long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + NAME + "-" + node + ".pid")).strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        assertThat(new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor()).isZero();
        server.onExit().get(30, TimeUnit.SECONDS);

        String title = "大阪出張 (保存後) " + UUID.randomUUID();
        HttpResponse<String> saved = Pages.postBack(browser, editor, page.body(), "report", "save",
                Map.of("title", title, "purpose", "商談"));
        assertThat(saved.statusCode()).as(saved.headers().firstValue("Location").orElse("") + " " + saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains(title).doesNotContain("ViewExpired");
        assertThat(browser.cookie("SAPPHIRE_NODE")).as("now on the other server").isPresent().get().isNotEqualTo(node);
        assertThat(Superuser.column("SELECT title FROM expense_report WHERE id = ?::uuid", draft)).containsExactly(title);
        // The token list's row button works on the other server: the list was read again before the row was looked for.
        HttpResponse<String> revoke = Pages.postBack(browser, tokens, tokensPage.body(), "list", "tokens:0:revoke", Map.of());
        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(Superuser.column(revoked)).containsExactly(String.valueOf(revokedBefore + 1));
        HttpResponse<String> home = browser.get(SignInFlow.HOME);
        assertThat(home.statusCode()).as("still signed in").isEqualTo(200);
        assertThat(home.body()).containsAnyOf("山田", "yamada");
    }
}
