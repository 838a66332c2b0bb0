package jp.sapphire.notification;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Poll;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.TestSmtp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications as people receive them: e-mail through a real SMTP server (GreenMail, listening
 * where the test server's mail session points) in each reader's language with a link to the
 * report, the in-app list with its unread count, and approvals that go on while the mail server
 * is down, the mail following once it is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationMailIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    /** 営業1課 (sato manages it): yamada in Japanese, smith in English, suzuki in accounting; 課長承認, then accounting. */
    private static final String ORGANISATION = """
            department 111 営業1課 - sato
            member yamada 111
            member smith 111 America/Los_Angeles en
            member sato 111
            member suzuki 111
            route 標準 100 2020-01-01 -
            step 課長承認 MANAGER 1
            step 経理承認 ROLE ACCOUNTING
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static RemoteTenant company() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:smith", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato",
                "EMPLOYEE:SUBJECT:suzuki", "ACCOUNTING:SUBJECT:suzuki");
        RemoteFixture.organise(idp, tenant, ORGANISATION);
        return tenant;
    }

    @Test
    void eachApproverHearsOfTheirStepAndTheApplicantOfTheApprovalWithALinkToTheReport() throws Exception {
        RemoteTenant tenant = company();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, "yamada");
        ApiClient sato = ApiClient.signedIn(idp, tenant, "sato");
        ApiClient suzuki = ApiClient.signedIn(idp, tenant, "suzuki");
        String title = "大阪出張 " + UUID.randomUUID();

        String id = ApiReports.submitted(tenant, yamada, title, 13_870);
        MimeMessage pending = mailTo("sato@example.com", title);
        assertThat(pending.getSubject()).isEqualTo("[SAPPHIRE] 承認依頼: " + title);
        assertThat(text(pending)).contains("yamada さん さんの経費申請「" + title + "」(¥13,870) があなたの承認を待っています。")
                .contains(Browser.SECURE + "/app/approvals/report.xhtml?id=" + id);
        assertThat(pending.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        expect(sato.post("/reports/" + id + "/approve", "{\"comment\": \"確認しました\"}", "*"), 200);
        assertThat(mailTo("suzuki@example.com", title).getSubject()).isEqualTo("[SAPPHIRE] 承認依頼: " + title);
        expect(suzuki.post("/reports/" + id + "/approve", "{}", "*"), 200);
        MimeMessage approved = mailTo("yamada@example.com", title);
        assertThat(approved.getSubject()).isEqualTo("[SAPPHIRE] 承認されました: " + title);
        assertThat(text(approved)).contains(Browser.SECURE + "/app/reports/edit.xhtml?id=" + id);

        Map<String, Object> inApp = expect(yamada.get("/notifications"), 200);
        assertThat(inApp).containsEntry("unread", 1L);
        assertThat(list(inApp.get("items"))).extracting(n -> n.get("kind"), n -> n.get("text"), n -> n.get("read"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("APPROVED", "経費申請「" + title + "」が承認されました。", false));
        assertThat(yamada.post("/notifications/read", "").statusCode()).isEqualTo(204);
        assertThat(expect(yamada.get("/notifications"), 200)).containsEntry("unread", 0L);
        assertThat(expect(sato.get("/notifications"), 200)).containsEntry("unread", 1L);
        assertThat(expect(ApiClient.signedIn(idp, company(), "yamada").get("/notifications"), 200))
                .as("another tenant's yamada").containsEntry("unread", 0L);
    }

    @Test
    void anEnglishSpeakingApplicantIsToldInEnglishWhyTheReportCameBackAndWasRejected() throws Exception {
        RemoteTenant tenant = company();
        ApiClient smith = ApiClient.signedIn(idp, tenant, "smith");
        ApiClient sato = ApiClient.signedIn(idp, tenant, "sato");
        String title = "Trip to Osaka " + UUID.randomUUID();
        String id = ApiReports.submitted(tenant, smith, title, 5_000);

        expect(sato.post("/reports/" + id + "/return", "{\"comment\": \"領収書が不鮮明です\"}", "*"), 200);
        MimeMessage returned = mailTo("smith@example.com", title);
        assertThat(returned.getSubject()).isEqualTo("[SAPPHIRE] Sent back: " + title);
        assertThat(text(returned)).contains("was sent back to you by sato さん.")
                .contains("Reason: 領収書が不鮮明です");

        expect(smith.post("/reports/" + id + "/submit", "", "*"), 200);
        expect(sato.post("/reports/" + id + "/reject", "{\"comment\": \"対象外の経費です\"}", "*"), 200);
        assertThat(mailTo("smith@example.com", title, 2)).extracting(MimeMessage::getSubject)
                .containsExactly("[SAPPHIRE] Sent back: " + title, "[SAPPHIRE] Rejected: " + title);

        Map<String, Object> inApp = expect(smith.get("/notifications"), 200);
        assertThat(inApp).containsEntry("unread", 2L);
        assertThat(list(inApp.get("items"))).extracting(n -> n.get("text")).containsExactly(
                "経費申請「" + title + "」が sato さん さんに却下されました: 対象外の経費です",
                "経費申請「" + title + "」が sato さん さんから差し戻されました: 領収書が不鮮明です");
        assertThat(list(ApiClient.json(smith.get("/notifications", "en")).get("items"))).extracting(n -> n.get("text"))
                .containsExactly("Expense report \"" + title + "\" was rejected by sato さん: 対象外の経費です",
                        "Expense report \"" + title + "\" was sent back by sato さん: 領収書が不鮮明です");
    }

    @Test
    void approvalGoesOnWhileTheMailServerIsDownAndTheMailFollowsItsBackOffWhenItIsBack() throws Exception {
        Instant start = ServerClock.freezeNow();
        RemoteTenant tenant = company();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, "yamada");
        ApiClient sato = ApiClient.signedIn(idp, tenant, "sato");
        ApiClient.signedIn(idp, tenant, "suzuki");
        String title = "障害中の申請 " + UUID.randomUUID();
        smtp.stop();

        String id = ApiReports.submitted(tenant, yamada, title, 4_400);
        Map<String, Object> approved = expect(sato.post("/reports/" + id + "/approve", "{}", "*"), 200);
        assertThat(approved).containsEntry("status", "SUBMITTED").containsEntry("currentStep", 2L);
        awaitAttempts(tenant, title, 1);
        assertThat(outbox(tenant, title)).hasSize(2).allSatisfy(row -> {
            assertThat(row[1]).as("last error").contains("Connection refused");
            assertThat(row[2]).as("sent at").isNull();
            assertThat(row[3]).as("next attempt, a minute after the first (sapphire.mail.retry-seconds)")
                    .isEqualTo(String.valueOf(start.plusSeconds(60).getEpochSecond()));
        });

        ServerClock.move(Duration.ofSeconds(60));
        awaitAttempts(tenant, title, 2);
        assertThat(outbox(tenant, title)).allSatisfy(row -> assertThat(row[3]).as("then twice as long")
                .isEqualTo(String.valueOf(start.plusSeconds(60 + 120).getEpochSecond())));

        smtp.start();
        ServerClock.move(Duration.ofSeconds(120));
        assertThat(mailTo("sato@example.com", title).getSubject()).isEqualTo("[SAPPHIRE] 承認依頼: " + title);
        assertThat(mailTo("suzuki@example.com", title).getSubject()).isEqualTo("[SAPPHIRE] 承認依頼: " + title);
        assertThat(Poll.until(Duration.ofSeconds(10), () -> outbox(tenant, title).stream().allMatch(row -> row[2] != null)))
                .as("every row marked sent").isTrue();
        assertThat(expect(yamada.get("/reports/" + id), 200)).containsEntry("currentStep", 2L);
    }

    /** Waits (polling) until each outbox row about {@code title} has been tried {@code attempts} times. */
    private static void awaitAttempts(RemoteTenant tenant, String title, int attempts) {
        assertThat(Poll.until(Duration.ofSeconds(30), () -> outbox(tenant, title).stream()
                .allMatch(row -> row[0].equals(String.valueOf(attempts))))).as(attempts + " attempts").isTrue();
    }

    /** The one mail to {@code recipient} about {@code title}, waiting for it up to a minute. */
    private MimeMessage mailTo(String recipient, String title) throws Exception {
        return mailTo(recipient, title, 1).get(0);
    }

    private List<MimeMessage> mailTo(String recipient, String title, int count) throws Exception {
        return smtp.await(TestSmtp.to(recipient, title), count);
    }

    private static String text(MimeMessage mail) {
        return TestSmtp.text(mail);
    }

    /** The tenant's outbox rows about {@code title}: attempts, last error, sent at, next attempt (epoch second). */
    private static List<String[]> outbox(RemoteTenant tenant, String title) {
        return Superuser.column("SELECT attempts || chr(31) || coalesce(last_error, '') || chr(31) || coalesce(sent_at::text, '')"
                        + " || chr(31) || extract(epoch FROM next_attempt_at)::bigint"
                        + " FROM mail_outbox WHERE tenant_id = ? AND subject LIKE ?", tenant.id(), "%" + title)
                .stream().map(row -> {
                    String[] fields = row.split("\u001f", -1);
                    return new String[] {fields[0], fields[1], fields[2].isEmpty() ? null : fields[2], fields[3]};
                }).toList();
    }
}
