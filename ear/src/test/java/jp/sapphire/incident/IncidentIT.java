package jp.sapphire.incident;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.Browser;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SignInFlow;
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
 * Whitepaper §19 as customers live through it: a breach is reported to the affected tenant only —
 * its administrators are mailed (with the data affected) and see it in the admin console, another
 * tenant hears nothing — then its progress and resolution; a vulnerability's first notice is due 5
 * business days after detection; bad reports are refused and say why.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IncidentIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final TestSmtp smtp = new TestSmtp();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private record Company(RemoteTenant tenant, String admin) {
    }

    private static Company company() {
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "TENANT_ADMIN:SUBJECT:" + admin, "EMPLOYEE:SUBJECT:" + admin);
        RemoteFixture.organise(idp, tenant, """
                department 100 本社 - -
                member %s 100
                """.formatted(admin));
        ApiClient.signedIn(idp, tenant, admin);
        return new Company(tenant, admin);
    }

    @Test
    void aBreachIsReportedToTheAffectedTenantAloneFromFirstNoticeToResolution() throws Exception {
        Company affected = company();
        Company other = company();
        String title = "領収書の不正閲覧 " + UUID.randomUUID().toString().substring(0, 8);

        OperatorJmx.assertRefused(() -> open("LEAK", title, "2026-11-26T09:30+09:00", affected.tenant().slug(), "x", "報告"),
                "The category must be OUTAGE, BREACH or VULNERABILITY");
        OperatorJmx.assertRefused(() -> open("BREACH", title, "2026-11-26T09:30+09:00", affected.tenant().slug(), "", "報告"),
                "with the data it affects");
        OperatorJmx.assertRefused(() -> open("BREACH", title, "2026-11-26T09:30+09:00", "", "領収書", "報告"),
                "Name the affected tenants");
        OperatorJmx.assertRefused(() -> open("BREACH", title, "2999-01-01T00:00+09:00", affected.tenant().slug(), "領収書", "報告"),
                "detected before it is opened");
        assertThat(Superuser.column("SELECT count(*)::text FROM incident WHERE title = ?", title)).containsExactly("0");

        String opened = open("BREACH", title, "2026-11-26T09:30+09:00", affected.tenant().slug(),
                "2026年11月の経費申請3件の領収書画像", "第三者が領収書3件を閲覧できる状態でした。閲覧は遮断済みです。");
        String id = opened.replaceAll("incident (\\S+) .*", "$1");
        MimeMessage first = smtp.await(mail -> TestSmtp.recipient(mail).equals(affected.admin() + "@example.com")
                && TestSmtp.subject(mail).endsWith(title), 1).get(0);
        assertThat(TestSmtp.subject(first)).isEqualTo("[SAPPHIRE] インシデントのご報告 (対応中): " + title);
        assertThat(TestSmtp.text(first)).contains("種別: 不正アクセス・情報漏洩").contains("検知日時: 2026/11/26 09:30 (Asia/Tokyo)")
                .contains("影響するデータ: 2026年11月の経費申請3件の領収書画像").contains("閲覧は遮断済みです。");
        assertThat(smtp.received(mail -> TestSmtp.text(mail).contains(title)))
                .as("no other tenant hears of it").noneMatch(mail -> TestSmtp.recipient(mail).equals(other.admin() + "@example.com"));

        OperatorJmx.incidents("postIncidentUpdate", id, "原因は共有リンクの有効期限の設定誤りでした。");
        OperatorJmx.incidents("resolveIncident", id, "設定を修正し、再発防止策を実施しました。");
        OperatorJmx.assertRefused(() -> OperatorJmx.incidents("resolveIncident", id, "もう一度"), "was resolved at");
        assertThat(smtp.received(mail -> TestSmtp.subject(mail).equals("[SAPPHIRE] インシデントのご報告 (解決): " + title)))
                .hasSize(1);

        Browser admin = SignInFlow.signedIn(idp, affected.tenant(), affected.admin());
        String page = admin.get(Browser.SECURE + "/app/admin/incidents.xhtml").body();
        assertThat(page).contains(title).contains("不正アクセス・情報漏洩").contains("2026年11月の経費申請3件の領収書画像")
                .contains("閲覧は遮断済みです。").contains("原因は共有リンク").contains("再発防止策").contains(">解決 ");
        Browser stranger = SignInFlow.signedIn(idp, other.tenant(), other.admin());
        assertThat(stranger.get(Browser.SECURE + "/app/admin/incidents.xhtml").body()).doesNotContain(title);

        assertThat(String.join("\n", (String[]) OperatorJmx.incidents("listIncidents"))).contains(id + " BREACH")
                .contains("resolved=");
        assertThat(Superuser.column("SELECT event FROM system_audit_log WHERE detail LIKE ?", id + "%"))
                .contains("INCIDENT_OPENED", "INCIDENT_UPDATED", "INCIDENT_RESOLVED");
    }

    @Test
    void aVulnerabilitysFirstNoticeIsDueFiveBusinessDaysAfterItsDetection() throws Exception {
        Company affected = company();
        String title = "ライブラリの脆弱性 " + UUID.randomUUID().toString().substring(0, 8);
        String opened = open("VULNERABILITY", title, "2026-11-20T18:00+09:00", affected.tenant().slug(), "",
                "利用しているライブラリに脆弱性が見つかりました。12月1日に更新します。");
        assertThat(opened).endsWith("first notice due 2026-11-27T09:00:00Z");
        String id = opened.replaceAll("incident (\\S+) .*", "$1");
        OperatorJmx.incidents("resolveIncident", id, "更新を適用しました。");
        assertThat(String.join("\n", (String[]) OperatorJmx.incidents("listIncidents")))
                .contains(id + " VULNERABILITY detected=2026-11-20T09:00:00Z notifyBy=2026-11-27T09:00:00Z");
    }

    private static String open(String category, String title, String detectedAt, String tenants, String scope, String message)
            throws Exception {
        return (String) OperatorJmx.incidents("openIncident", category, title, detectedAt, tenants, scope, message);
    }
}
