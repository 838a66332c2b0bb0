package jp.sapphire.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Browsers;
import jp.sapphire.it.Chromium;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.TenantFixture;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.Viewport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The employee and the approver on their phones (Chromium emulating a screen 390 CSS pixels wide):
 * she finds her draft from home, photographs the receipt with the camera and submits; he finds it
 * on his home, sends it back with a comment in the dialog, approves it when it comes again. No page
 * on the way is wider than the phone (docs/UI.md), nor any other page a member with the
 * accountant's and approver's roles opens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void aReportIsFiledWithACameraPhotoSentBackAndApprovedOnPhonesAndNoPageIsWiderThanThePhone() throws Exception {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato");
        RemoteFixture.organise(idp, tenant, """
                department 111 営業1課 - sato
                member yamada 111 Asia/Tokyo
                member sato 111 Asia/Tokyo
                route 標準 100 2020-01-01 -
                step 課長承認 MANAGER 1
                """);
        ApiClient yamadaApi = ApiClient.signedIn(idp, tenant, "yamada");
        String title = "大阪 日帰り出張 " + UUID.randomUUID().toString().substring(0, 8);
        ApiReports.draft(tenant, yamadaApi, title, 12_340);

        WebDriver yamada = browsers.signedInOnPhone(idp, tenant.issuerId(), tenant.slug(), "yamada", Map.of("name", "山田 花子"));
        fits(yamada, "home");
        yamada.findElement(By.id("drafts")).findElement(By.linkText(title)).click();
        wait(yamada).until(ExpectedConditions.urlContains("/app/reports/edit.xhtml"));
        fits(yamada, "the report");

        WebElement camera = yamada.findElement(By.id("lines:table:0:photo"));
        assertThat(camera.getAttribute("accept")).isEqualTo("image/*");
        assertThat(camera.getAttribute("capture")).isEqualTo("environment");
        Path photo = Files.createTempFile("photo", ".jpg");
        Files.write(photo, TenantFixture.JPEG);
        camera.sendKeys(photo.toString());
        // The draft has a receipt already: wait for the page the post answers, not the one it leaves.
        Chromium.press(yamada, "lines:table:0:sendPhoto");
        wait(yamada).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "領収書を添付しました。"));
        assertThat(yamada.findElement(By.cssSelector("#lines\\:table a.receipt-link")).getText()).contains(".jpg");
        fits(yamada, "the report with its receipt");
        submit(yamada);

        yamada.findElement(By.linkText("経費申請")).click();
        wait(yamada).until(ExpectedConditions.urlContains("/app/reports/index.xhtml"));
        assertThat(yamada.findElement(By.id("list:table")).getText()).contains(title).contains("¥12,340");
        fits(yamada, "my reports");

        WebDriver sato = browsers.signedInOnPhone(idp, tenant.issuerId(), tenant.slug(), "sato", Map.of("name", "佐藤 一郎"));
        fits(sato, "the approver's home");
        sato.findElement(By.id("approve")).findElement(By.linkText(title)).click();
        wait(sato).until(ExpectedConditions.urlContains("/app/approvals/report.xhtml"));
        assertThat(sato.findElement(By.cssSelector(".report-facts")).getText()).contains("山田 花子").contains("¥12,340");
        assertThat(sato.findElement(By.id("lines:table")).findElements(By.cssSelector("img.receipt-thumb"))).hasSize(1);
        fits(sato, "the report to decide");

        sato.findElement(By.id("sendBack")).click();
        WebElement comment = wait(sato).until(ExpectedConditions.visibilityOfElementLocated(By.id("returnForm:comment")));
        insideThePhone(sato, "returnDialog");
        comment.sendKeys("領収書の日付が読めません");
        sato.findElement(By.id("returnForm:confirm")).click();
        wait(sato).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        assertThat(sato.findElement(By.id("messages")).getText()).contains("差し戻しました。");
        fits(sato, "the inbox");

        yamada.findElement(By.linkText("ホーム")).click();
        WebElement returned = wait(yamada).until(ExpectedConditions.visibilityOfElementLocated(By.id("returned")));
        assertThat(returned.getText()).contains(title).contains("領収書の日付が読めません");
        fits(yamada, "home with the report sent back");
        returned.findElement(By.linkText(title)).click();
        wait(yamada).until(ExpectedConditions.urlContains("/app/reports/edit.xhtml"));
        submit(yamada);

        sato.navigate().refresh();
        sato.findElement(By.id("inbox:table")).findElement(By.linkText(title)).click();
        wait(sato).until(ExpectedConditions.urlContains("/app/approvals/report.xhtml"));
        sato.findElement(By.id("approve")).click();
        wait(sato).until(ExpectedConditions.elementToBeClickable(By.id("approveForm:confirm")));
        insideThePhone(sato, "approveDialog");
        sato.findElement(By.id("approveForm:confirm")).click();
        wait(sato).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        assertThat(sato.findElement(By.id("messages")).getText()).contains("承認しました。");
        assertThat(sato.findElement(By.id("inbox:table")).getText()).contains("承認待ちの経費申請はありません。");

        yamada.navigate().refresh();
        assertThat(yamada.findElement(By.id("status")).getText()).isEqualTo("承認済み");
        fits(yamada, "the approved report");
    }

    @Test
    void everyOtherPageOfAMemberFitsThePhone() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(), "EMPLOYEE:SUBJECT:yamada",
                "EMPLOYEE:SUBJECT:suzuki", "ACCOUNTING:SUBJECT:suzuki", "APPROVER:SUBJECT:suzuki");
        String report = ApiReports.submitted(tenant, ApiClient.signedIn(idp, tenant, "yamada"),
                "とても長い件名の経費申請 " + "東京大阪名古屋福岡札幌仙台広島".repeat(3), 1_234_567);
        ApiClient accounting = ApiClient.signedIn(idp, tenant, "suzuki");
        assertThat(accounting.post("/reports/" + report + "/approve", "{}", "*").statusCode()).isEqualTo(200);
        WebDriver suzuki = browsers.signedInOnPhone(idp, tenant.issuerId(), tenant.slug(), "suzuki", Map.of("name", "鈴木 一子"));
        for (String page : List.of("payments/index", "records/index", "notifications", "delegations", "tokens",
                "bank-account", "changes", "action-log", "approvals/index", "reports/edit")) {
            suzuki.get(Browser.SECURE + "/app/" + page + ".xhtml");
            fits(suzuki, page);
        }
    }

    private static void submit(WebDriver applicant) {
        wait(applicant).until(ExpectedConditions.elementToBeClickable(By.id("actions:submit"))).click();
        wait(applicant).until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
        wait(applicant).until(ExpectedConditions.textToBe(By.id("status"), "申請中"));
    }

    /** The page is no wider than the phone (elements past the edge named in the failure). */
    private static void fits(WebDriver phone, String page) {
        Viewport.fits(phone, page, Chromium.PHONE_WIDTH);
    }

    /** The dialog is wholly on the screen. */
    private static void insideThePhone(WebDriver phone, String dialog) {
        @SuppressWarnings("unchecked")
        List<Number> edges = (List<Number>) ((JavascriptExecutor) phone).executeScript(
                "const box = document.getElementById(arguments[0]).getBoundingClientRect(); return [box.left, box.right];", dialog);
        assertThat(edges.get(0).doubleValue()).as(dialog + " left edge").isGreaterThanOrEqualTo(0);
        assertThat(edges.get(1).doubleValue()).as(dialog + " right edge").isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
