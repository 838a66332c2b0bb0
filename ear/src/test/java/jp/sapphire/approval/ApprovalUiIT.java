package jp.sapphire.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Browsers;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An employee and her manager, each in their own browser and time zone: she submits, he sends it
 * back with a reason, she submits again, he approves; both see every event in the report's action
 * log, each at the times of their own zone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApprovalUiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final ZoneId YAMADA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final ZoneId SATO_ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void submittedSentBackResubmittedAndApprovedWithEveryEventInEachViewersZone() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato");
        RemoteFixture.organise(idp, tenant, """
                department 111 営業1課 - sato
                member yamada 111 %s
                member sato 111 %s
                route 標準 100 2020-01-01 -
                step 課長承認 MANAGER 1
                """.formatted(YAMADA_ZONE, SATO_ZONE));
        ApiClient yamadaApi = ApiClient.signedIn(idp, tenant, "yamada");
        String title = "名古屋 日帰り出張 " + UUID.randomUUID().toString().substring(0, 8);
        String id = ApiReports.draft(tenant, yamadaApi, title, 12_340);
        String reportPage = Browser.SECURE + "/app/reports/edit.xhtml?id=" + id;

        WebDriver yamada = signIn(tenant, "yamada", "山田 花子");
        yamada.get(reportPage);
        submit(yamada);

        WebDriver sato = signIn(tenant, "sato", "佐藤 一郎");
        WebElement opened = openFromInbox(sato, title);
        assertThat(opened.getText()).contains("山田 花子").contains("¥12,340");
        sato.findElement(By.id("sendBack")).click();
        wait(sato).until(ExpectedConditions.visibilityOfElementLocated(By.id("returnForm:comment")));
        sato.findElement(By.id("returnForm:confirm")).click();
        wait(sato).until(ExpectedConditions.textToBePresentInElementLocated(By.id("returnForm"),
                "コメント (理由) を入力してください。"));
        sato.findElement(By.id("returnForm:comment")).sendKeys("日当の区分を確認してください");
        sato.findElement(By.id("returnForm:confirm")).click();
        wait(sato).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        assertThat(sato.findElement(By.id("messages")).getText()).contains("差し戻しました。");
        assertThat(sato.findElement(By.id("inbox:table")).getText()).contains("承認待ちの経費申請はありません。");

        yamada.get(reportPage);
        assertThat(yamada.findElement(By.id("status")).getText()).isEqualTo("差し戻し");
        submit(yamada);

        openFromInbox(sato, title);
        sato.findElement(By.id("approve")).click();
        wait(sato).until(ExpectedConditions.elementToBeClickable(By.id("approveForm:confirm"))).click();
        wait(sato).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        assertThat(sato.findElement(By.id("messages")).getText()).contains("承認しました。");

        yamada.get(reportPage);
        assertThat(yamada.findElement(By.id("status")).getText()).isEqualTo("承認済み");
        List<Map<String, Object>> logged = ApiClient.listBody(yamadaApi.get("/reports/" + id + "/actions"))
                .stream().filter(a -> List.of("SUBMITTED", "RETURNED", "APPROVED").contains(a.get("action"))).toList();
        assertThat(logged).extracting(a -> a.get("action"))
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED");

        assertThat(decisions(yamada)).containsExactly(
                tuple(shown(logged.get(0), YAMADA_ZONE), "申請", "山田 花子", ""),
                tuple(shown(logged.get(1), YAMADA_ZONE), "差し戻し", "佐藤 一郎", "日当の区分を確認してください"),
                tuple(shown(logged.get(2), YAMADA_ZONE), "申請", "山田 花子", ""),
                tuple(shown(logged.get(3), YAMADA_ZONE), "承認", "佐藤 一郎", ""));
        sato.get(Browser.SECURE + "/app/approvals/report.xhtml?id=" + id);
        assertThat(decisions(sato)).extracting(row -> row.toList().get(0)).containsExactly(
                shown(logged.get(0), SATO_ZONE), shown(logged.get(1), SATO_ZONE),
                shown(logged.get(2), SATO_ZONE), shown(logged.get(3), SATO_ZONE));
        assertThat(sato.findElements(By.id("approve"))).as("nothing left to decide").isEmpty();
    }

    private WebDriver signIn(RemoteTenant tenant, String subject, String name) {
        return browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), subject, Map.of("name", name));
    }

    private static void submit(WebDriver applicant) {
        wait(applicant).until(ExpectedConditions.elementToBeClickable(By.id("actions:submit"))).click();
        wait(applicant).until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
        wait(applicant).until(ExpectedConditions.textToBe(By.id("status"), "申請中"));
    }

    /** From the approver's inbox to the report's page; answers the facts shown at its top. */
    private static WebElement openFromInbox(WebDriver approver, String title) {
        approver.findElement(By.id("nav-approvals")).click();
        wait(approver).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        approver.findElement(By.linkText(title)).click();
        wait(approver).until(ExpectedConditions.urlContains("/app/approvals/report.xhtml"));
        return approver.findElement(By.cssSelector(".report-facts"));
    }

    /** The submissions and decisions in the report's action log: time, action, actor, comment. */
    private static List<org.assertj.core.groups.Tuple> decisions(WebDriver viewer) {
        List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
        for (WebElement row : viewer.findElements(By.cssSelector("#action-log tbody tr"))) {
            String action = row.findElement(By.cssSelector(".action-name")).getText();
            if (List.of("申請", "差し戻し", "承認").contains(action)) {
                rows.add(tuple(row.findElement(By.cssSelector(".action-time")).getText(), action,
                        row.findElement(By.cssSelector(".action-actor")).getText(),
                        row.findElement(By.cssSelector(".action-comment")).getText()));
            }
        }
        return rows;
    }

    private static String shown(Map<String, Object> action, ZoneId zone) {
        return SHOWN.withZone(zone).format(Instant.parse((String) action.get("occurredAt")));
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
