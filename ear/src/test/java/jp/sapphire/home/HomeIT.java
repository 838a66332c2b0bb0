package jp.sapphire.home;

import static jp.sapphire.it.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Pages;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Home as a to-do list (docs/UI.md), as each member of a small company reads it: the applicant sees
 * her draft, the report sent back with the approver's comment and the one on its way with the step
 * it waits at; the approver sees what waits for him, with how many days since it was submitted;
 * accounting sees what waits for payment; someone with nothing to do is told so. Each item links to
 * its page. In Japanese, and in English for a member whose language is English.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HomeIT {

    private static final String HOME = Browser.SECURE + "/app/home.xhtml";

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void eachMemberSeesWhatWaitsForThemOneClickFromItsPage() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato", "EMPLOYEE:SUBJECT:suzuki",
                "ACCOUNTING:SUBJECT:suzuki", "EMPLOYEE:SUBJECT:tanaka");
        RemoteFixture.organise(idp, tenant, """
                department 111 営業1課 - sato
                member yamada 111
                member sato 111
                member tanaka 111 Asia/Tokyo en
                route 標準 100 2020-01-01 -
                step 課長承認 MANAGER 1
                """);
        ApiClient yamada = ApiClient.signedIn(idp, tenant, "yamada");
        ApiClient sato = ApiClient.signedIn(idp, tenant, "sato");
        String draft = ApiReports.draft(tenant, yamada, "下書きの精算", 1_200);
        String waiting = ApiReports.submitted(tenant, yamada, "名古屋出張", 23_450);
        String returned = ApiReports.submitted(tenant, yamada, "接待の精算", 8_000);
        expect(sato.post("/reports/" + returned + "/return", "{\"comment\": \"参加者の氏名を書いてください\"}", "*"), 200);
        String approved = ApiReports.submitted(tenant, yamada, "文具の購入", 3_300);
        expect(sato.post("/reports/" + approved + "/approve", "{}", "*"), 200);

        String applicant = page(SignInFlow.signedIn(idp, tenant, "yamada"));
        assertThat(Pages.text(applicant, "drafts-count")).contains("1");
        assertThat(applicant).contains("下書きの精算", "edit.xhtml?id=" + draft);
        assertThat(Pages.text(applicant, "returned-count")).contains("1");
        assertThat(applicant).contains("接待の精算", "参加者の氏名を書いてください", "edit.xhtml?id=" + returned);
        assertThat(Pages.text(applicant, "in-progress-count")).contains("1");
        assertThat(applicant).contains("名古屋出張", "課長承認", "edit.xhtml?id=" + waiting);
        assertThat(applicant).doesNotContain("id=\"approve\"", "id=\"pay\"", "文具の購入");

        String approver = page(SignInFlow.signedIn(idp, tenant, "sato"));
        assertThat(Pages.text(approver, "approve-count")).contains("1");
        assertThat(approver).contains("名古屋出張", "approvals/report.xhtml?id=" + waiting, "申請から 0 日");
        assertThat(approver).doesNotContain("接待の精算", "id=\"pay\"");

        String accounting = page(SignInFlow.signedIn(idp, tenant, "suzuki"));
        assertThat(Pages.text(accounting, "pay-count")).contains("1");
        assertThat(accounting).contains("文具の購入", "payments/index.xhtml");

        String idle = page(SignInFlow.signedIn(idp, tenant, "tanaka"));
        assertThat(idle).contains("Nothing is waiting for you.", "To do").doesNotContain("やること", "todo-item");
    }

    private static String page(Browser browser) {
        HttpResponse<String> home = browser.get(HOME);
        assertThat(home.statusCode()).isEqualTo(200);
        return home.body();
    }
}
