package jp.sapphire.backup;

import static jp.sapphire.it.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.Pages;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A restore of the whole live database as customers live through it: announced beforehand on
 * every page and by mail to their administrators, refused without a notice or before its lead
 * time (24 hours, passed by moving the server's clock), run in maintenance mode (every page and call says so), and in
 * an emergency announced first, then run. These tests restore the test database to a generation
 * taken moments before, so only their own rows are lost.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestoreNoticeIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final Duration LEAD = Duration.ofHours(24);

    @RegisterExtension
    final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @AfterEach
    void endMaintenance() throws Exception {
        OperatorJmx.backups("endMaintenance");
    }

    /**
     * The notices these tests published go with them: carried out at a moved clock, they would
     * otherwise stay on every page of the test database for days of real time.
     */
    @AfterAll
    static void withdrawNotices() {
        Superuser.execute("DELETE FROM backup_notice");
    }

    /** A tenant whose administrator (in English, in Los Angeles) has an address of their own and has signed in as such. */
    private record Company(RemoteTenant tenant, String adminAddress, String employee) {
    }

    private static Company company() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin-" + unique;
        String employee = "yamada-" + unique;
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "EMPLOYEE:SUBJECT:" + employee, "TENANT_ADMIN:SUBJECT:" + admin, "EMPLOYEE:SUBJECT:" + admin);
        RemoteFixture.organise(idp, tenant, """
                department 100 本社 - -
                member %s 100
                member %s 100 America/Los_Angeles en
                """.formatted(employee, admin));
        ApiClient.signedIn(idp, tenant, admin);
        return new Company(tenant, admin + "@example.com", employee);
    }

    @Test
    void aLiveRestoreWaitsForItsNoticeWhichEveryTenantSeesAndItsAdministratorsReceive() throws Exception {
        Company company = company();
        RemoteTenant tenant = company.tenant();
        ServerClock.freezeNow();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, company.employee(), 2);
        Browser browser = signedIn(tenant, company.employee());
        String kept = ApiReports.draft(tenant, yamada, "復元前の申請", 1_000);
        long generation = generationOf((String) OperatorJmx.backups("backupNow"));
        String lost = ApiReports.draft(tenant, yamada, "復元で消える申請", 2_000);

        assertRefused(() -> OperatorJmx.backups("restoreLive", generation), "No restore notice names generation " + generation);

        String reason = "ストレージ障害からの復旧 " + UUID.randomUUID();
        Instant at = ServerClock.now().plus(Duration.ofHours(25));
        OperatorJmx.backups("publishRestoreNotice", generation, OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(9)).toString(),
                reason);
        assertRefused(() -> OperatorJmx.backups("restoreLive", generation), "a live restore may start " + LEAD + " after that");
        MimeMessage notice = smtp.await(mail -> about(mail, reason) && recipient(mail).equals(company.adminAddress()), 1).get(0);
        assertThat(notice.getSubject()).startsWith("[SAPPHIRE] Notice of a system restore (");
        assertThat(TestSmtp.text(notice)).contains("Reason: " + reason).contains("(America/Los_Angeles)")
                .contains("changes made since then will be lost");
        assertThat(smtp.received(m -> about(m, reason)))
                .as("only administrators are mailed").noneMatch(m -> recipient(m).equals(company.employee() + "@example.com"));
        String page = browser.get(SignInFlow.HOME).body();
        assertThat(page).contains("id=\"restore-notices\"").contains("システム全体をバックアップから復元します").contains(reason);

        ServerClock.move(LEAD);
        assertRefused(() -> OperatorJmx.backups("restoreLive", generation), "which has not come yet");
        ServerClock.move(Duration.ofHours(1).minusSeconds(1));
        assertRefused(() -> OperatorJmx.backups("restoreLive", generation), "which has not come yet");
        ServerClock.move(Duration.ofSeconds(1));
        // A day has passed since the browser's last request: it signs in again.
        browser = signedIn(tenant, company.employee());
        assertThat((String) OperatorJmx.backups("restoreLive", generation)).startsWith("the live database restored: generation="
                + generation);

        expect(yamada.get("/reports/" + kept), 200);
        expect(yamada.get("/reports/" + lost), 404);
        assertThat(browser.get(SignInFlow.HOME).body()).contains("システム全体をバックアップから復元しました").contains(reason);
        assertThat(Superuser.column("SELECT count(*) FROM system_audit_log WHERE event = 'BACKUP_RESTORED_LIVE'"
                + " AND outcome = 'SUCCESS' AND detail LIKE ?", "%generation " + generation)).doesNotContain("0");
    }

    @Test
    void aRestoreOfOneTenantIsAnnouncedToThatTenantAloneAndPutsBackOnlyItsData() throws Exception {
        Company restored = company();
        Company other = company();
        ServerClock.freezeNow();
        ApiClient yamada = ApiClient.signedIn(idp, restored.tenant(), restored.employee(), 2);
        ApiClient neighbour = ApiClient.signedIn(idp, other.tenant(), other.employee(), 2);
        long generation = generationOf((String) OperatorJmx.backups("backupNow"));
        String lost = ApiReports.draft(restored.tenant(), yamada, "誤って入力した申請", 4_000);
        String kept = ApiReports.draft(other.tenant(), neighbour, "他社の申請", 5_000);

        String reason = "誤操作からの復旧 " + UUID.randomUUID();
        Instant at = ServerClock.now().plus(Duration.ofHours(24));
        OperatorJmx.backups("publishTenantRestoreNotice", restored.tenant().slug(), generation,
                OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(9)).toString(), reason);
        MimeMessage notice = smtp.await(mail -> about(mail, reason), 1).get(0);
        assertThat(recipient(notice)).isEqualTo(restored.adminAddress());
        assertThat(notice.getSubject()).startsWith("[SAPPHIRE] Notice of a restore of your data (");
        assertThat(TestSmtp.text(notice)).contains("Reason: " + reason).contains("No other customer's data is affected");
        assertThat(signedIn(restored.tenant(), restored.employee()).get(SignInFlow.HOME).body())
                .containsPattern("貴社のデータをバックアップから復元します。[^<]*理由: " + Pattern.quote(reason));
        assertThat(signedIn(other.tenant(), other.employee()).get(SignInFlow.HOME).body())
                .as("another tenant is not told").doesNotContain(reason).doesNotContain("貴社のデータ");
        assertRefused(() -> OperatorJmx.backups("restoreTenant", restored.tenant().slug(), generation),
                "a live restore may start " + LEAD + " after that");

        ServerClock.move(LEAD);
        assertThat((String) OperatorJmx.backups("restoreTenant", restored.tenant().slug(), generation))
                .startsWith("tenant " + restored.tenant().slug() + " restored");

        expect(yamada.get("/reports/" + lost), 404);
        expect(neighbour.get("/reports/" + kept), 200);
        assertThat(smtp.received(m -> about(m, reason))).as("only the restored tenant's administrator").hasSize(1);
    }

    @Test
    void noRestoreBringsBackATenantDeletedAtTheEndOfItsContract() throws Exception {
        Company company = company();
        RemoteTenant tenant = company.tenant();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, company.employee());
        ApiReports.draft(tenant, yamada, "解約前の申請", 1_000);
        long generation = generationOf((String) OperatorJmx.backups("backupNow"));
        Browser admin = signedIn(tenant, company.adminAddress().replace("@example.com", ""));
        Pages.submit(admin, Browser.SECURE + "/app/admin/contract.xhtml", "deletion", "submit",
                Map.of("confirmation", tenant.slug()));
        assertThat((String) OperatorJmx.tenants("deleteTenant", tenant.slug())).contains("rows left: 0");
        assertThat(Superuser.column("SELECT count(*)::text FROM expense_report WHERE tenant_id = ?", tenant.id()))
                .containsExactly("0");

        OperatorJmx.backups("restoreLiveEmergency", generation, "削除後の復元 " + UUID.randomUUID());
        assertThat(Superuser.column("SELECT count(*)::text FROM expense_report WHERE tenant_id = ?", tenant.id()))
                .as("the generation had the tenant's report; the restore deleted it again").containsExactly("0");
        assertThat(Superuser.column("SELECT count(*)::text FROM receipt_content WHERE tenant_id = ?", tenant.id()))
                .containsExactly("0");
        assertThat(Superuser.column("SELECT status FROM tenant WHERE id = ?", tenant.id())).containsExactly("TERMINATED");
        assertRefused(() -> OperatorJmx.backups("restoreTenant", tenant.slug(), generation),
                "deleted at the end of its contract");
        assertThat(Browser.location(new Browser().get(Browser.SECURE + "/t/" + tenant.slug() + "/")))
                .as("nobody signs in to a deleted tenant").contains("reason=UNKNOWN_TENANT");
    }

    @Test
    void anEmergencyRestoreIsAnnouncedAndMailedFirstThenRuns() throws Exception {
        Company company = company();
        RemoteTenant tenant = company.tenant();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, company.employee());
        long generation = generationOf((String) OperatorJmx.backups("backupNow"));
        String lost = ApiReports.draft(tenant, yamada, "緊急復元で消える申請", 3_000);
        String reason = "データ破損の緊急復旧 " + UUID.randomUUID();

        assertThat((String) OperatorJmx.backups("restoreLiveEmergency", generation, reason))
                .startsWith("emergency: the live database restored: generation=" + generation);

        List<MimeMessage> mails = smtp.received(m -> about(m, reason) && recipient(m).equals(company.adminAddress()));
        assertThat(mails).as("sent before the restore finished").hasSize(1);
        assertThat(TestSmtp.text(mails.get(0))).contains("URGENT: this restore cannot wait");
        expect(yamada.get("/reports/" + lost), 404);
    }

    @Test
    void inMaintenanceEveryPageAndEveryCallSaysSoAndNothingElseRuns() throws Exception {
        Company company = company();
        RemoteTenant tenant = company.tenant();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, company.employee());
        Browser browser = signedIn(tenant, company.employee());

        OperatorJmx.backups("beginMaintenance", "定期メンテナンス <b>");
        HttpResponse<String> page = browser.get(SignInFlow.HOME);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("ただいまメンテナンス中です").contains("定期メンテナンス &lt;b&gt;")
                .contains("SAPPHIRE is under maintenance");
        assertThat(new Browser().get(Browser.SECURE + "/index.xhtml").statusCode()).isEqualTo(503);
        HttpResponse<String> call = yamada.get("/me");
        assertThat(call.statusCode()).isEqualTo(503);
        assertThat(ApiClient.json(call)).containsEntry("title", "メンテナンス中です").containsEntry("detail", "定期メンテナンス <b>");
        assertThat(new Browser().get(OperatorJmx.MANAGEMENT + "/health/live").statusCode()).isEqualTo(200);

        OperatorJmx.backups("endMaintenance");
        assertThat(browser.get(SignInFlow.HOME).statusCode()).isEqualTo(200);
        expect(yamada.get("/me"), 200);
    }

    private static Browser signedIn(RemoteTenant tenant, String subject) {
        return SignInFlow.signedIn(idp, tenant, subject);
    }

    private static long generationOf(String line) {
        return Long.parseLong(line.replaceAll("generation=(\\d+) .*", "$1"));
    }

    private static void assertRefused(OperatorJmx.Operation operation, String message) {
        OperatorJmx.assertRefused(operation, message);
    }

    private static boolean about(MimeMessage mail, String reason) {
        return TestSmtp.text(mail).contains(reason);
    }

    private static String recipient(MimeMessage mail) {
        return TestSmtp.recipient(mail);
    }
}
