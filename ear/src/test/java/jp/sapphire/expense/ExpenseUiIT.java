package jp.sapphire.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Chromium;
import jp.sapphire.it.PrimeMenu;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.TenantFixture;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An employee files a report in the browser: two lines, a receipt dropped on one, submitted. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExpenseUiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private WebDriver browser;
    private WebDriverWait wait;
    private RemoteTenant tenant;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @BeforeEach
    void signedInEmployee() {
        tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(), "EMPLOYEE:SUBJECT:yamada");
        idp.nextSignIn(tenant.issuerId(), "yamada", Map.of("name", "山田 太郎"));
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(Browser.SECURE + "/t/" + tenant.slug() + "/");
        wait.until(ExpectedConditions.urlToBe(Browser.SECURE + "/app/home.xhtml"));
    }

    @AfterEach
    void quit() throws IOException {
        Chromium.screenshotAndQuit(getClass(), List.of(browser));
    }

    @Test
    void anEmployeeCreatesAReportWithTwoLinesAndAReceiptAndSubmitsIt() throws IOException {
        browser.findElement(By.linkText("経費申請")).click();
        wait.until(ExpectedConditions.urlContains("/app/reports/index.xhtml"));
        assertThat(browser.findElement(By.id("list:table")).getText()).contains("経費申請はありません。");
        browser.findElement(By.id("filter:new")).click();

        wait.until(ExpectedConditions.urlContains("/app/reports/edit.xhtml"));
        browser.findElement(By.id("report:title")).sendKeys("11月 <b>出張</b> 精算");
        browser.findElement(By.id("report:save")).click();
        wait.until(ExpectedConditions.urlContains("id="));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lines:addLine")));
        assertThat(browser.findElement(By.id("report:title")).getAttribute("value")).isEqualTo("11月 <b>出張</b> 精算");

        addLine("7410 消耗品費", "1100", "文具店 <script>alert(1)</script>");
        addTransportLine("13870", "JR東海", "東京", "新大阪");

        WebElement table = browser.findElement(By.id("lines:table"));
        assertThat(table.getText()).contains("¥1,100").contains("¥13,870").contains("文具店 <script>alert(1)</script>")
                .contains("東京 → 新大阪");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("¥14,970");
        assertThat(browser.findElement(By.id("tax")).getText()).isEqualTo("¥1,360");

        Path receipt = Files.createTempFile("receipt", ".jpg");
        Files.write(receipt, TenantFixture.JPEG);
        browser.findElement(By.id("lines:table:0:upload_input")).sendKeys(receipt.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lines\\:table a.receipt-link")));
        assertThat(browser.findElement(By.cssSelector("#lines\\:table a.receipt-link")).getText()).contains(".jpg");

        browser.findElement(By.id("actions:submit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "申請中"));
        assertThat(browser.findElements(By.id("lines:addLine"))).isEmpty();
        assertThat(browser.findElement(By.id("messages")).getText()).contains("申請しました。");
    }

    @Test
    void theLineDialogExplainsEachMistakeNextToItsFieldAndSavesNothing() {
        browser.get(Browser.SECURE + "/app/reports/edit.xhtml");
        browser.findElement(By.id("report:title")).sendKeys("入力チェック");
        browser.findElement(By.id("report:save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lines:addLine"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:payee")));

        browser.findElement(By.id("lineForm:amountYen")).sendKeys("abc");
        browser.findElement(By.id("lineForm:invoiceNumber")).sendKeys("T1234567890123");
        browser.findElement(By.id("lineForm:saveLine")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lineForm"), "数値で入力してください。"));
        browser.findElement(By.id("lineForm:amountYen")).clear();
        browser.findElement(By.id("lineForm:amountYen")).sendKeys("-100");
        browser.findElement(By.id("lineForm:saveLine")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lineForm"), "金額は1円以上で入力してください。"));
        String dialog = browser.findElement(By.id("lineForm")).getText();
        assertThat(dialog).contains("支払先を入力してください。")
                .contains("登録番号は「T」と13桁の数字で、正しいチェックデジットのものを入力してください。");
        assertThat(browser.findElement(By.id("lines:table")).getText()).contains("明細はまだありません。");
    }

    private void addLine(String category, String amount, String payee) {
        openLineDialog();
        chooseCategory(category);
        browser.findElement(By.id("lineForm:amountYen")).sendKeys(amount);
        browser.findElement(By.id("lineForm:payee")).sendKeys(payee);
        saveLine();
    }

    private void addTransportLine(String amount, String payee, String from, String to) {
        openLineDialog();
        chooseCategory("7110 旅費交通費");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:routeFrom"))).sendKeys(from);
        browser.findElement(By.id("lineForm:routeTo")).sendKeys(to);
        browser.findElement(By.id("lineForm:amountYen")).sendKeys(amount);
        browser.findElement(By.id("lineForm:payee")).sendKeys(payee);
        saveLine();
    }

    private void openLineDialog() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("lines:addLine"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:payee")));
    }

    private void chooseCategory(String label) {
        PrimeMenu.choose(browser, "lineForm:categoryId", label);
    }

    private void saveLine() {
        int before = browser.findElements(By.cssSelector("#lines\\:table .line-amount")).size();
        browser.findElement(By.id("lineForm:saveLine")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#lines\\:table .line-amount")).size() == before + 1);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("lineDialog")));
    }
}
