package jp.sapphire.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Members whose language is English, in a browser that asks for Japanese: the applicant files a
 * report, her manager approves it, accounting marks it paid, and she reads her notifications.
 * Every page and dialog on the way shows no Japanese — no character of the kana, CJK or full-width
 * ranges — but the company's own data (category names, the payee the fixture writes) and the
 * quoted titles of the provider's notices, and dates are written as English writes them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnglishIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    /** Hiragana, katakana, CJK symbols and ideographs, full-width forms. */
    private static final Pattern JAPANESE = Pattern.compile(
            "[\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+");

    /** The fixture company's data, in Japanese as its administrator entered it. */
    private static final List<String> DATA = List.of("旅費交通費", "交際費", "会議費", "消耗品費", "プロジェクト", "顧客名", "文具店");

    @Test
    void anEnglishApplicantApproverAndAccountantSeeNoJapaneseFromFilingToPayment() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:emma", "EMPLOYEE:SUBJECT:liam", "APPROVER:SUBJECT:liam", "EMPLOYEE:SUBJECT:noah",
                "ACCOUNTING:SUBJECT:noah");
        RemoteFixture.organise(idp, tenant, """
                department 111 Sales - liam
                member emma 111 America/New_York en
                member liam 111 America/New_York en
                member noah 111 America/New_York en
                route Standard 100 2020-01-01 -
                step Manager MANAGER 1
                """);
        ApiClient emmaApi = ApiClient.signedIn(idp, tenant, "emma");
        String title = "Boston client visit " + UUID.randomUUID().toString().substring(0, 6);
        String id = ApiReports.draft(tenant, emmaApi, title, 12_340);

        WebDriver emma = signIn(tenant, "emma", "Emma Brown");
        english(emma, "the applicant's home");
        emma.findElement(By.linkText("Expense reports")).click();
        wait(emma).until(ExpectedConditions.urlContains("/app/reports/index.xhtml"));
        english(emma, "my reports");
        emma.findElement(By.linkText(title)).click();
        wait(emma).until(ExpectedConditions.urlContains("/app/reports/edit.xhtml"));
        english(emma, "the report editor");
        emma.findElement(By.id("lines:table:0:edit")).click();
        wait(emma).until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:payee")));
        english(emma, "the line dialog");
        emma.navigate().refresh();
        wait(emma).until(ExpectedConditions.elementToBeClickable(By.id("actions:submit"))).click();
        wait(emma).until(ExpectedConditions.elementToBeClickable(By.id("confirmYes")));
        english(emma, "the submit confirmation");
        emma.findElement(By.id("confirmYes")).click();
        wait(emma).until(ExpectedConditions.textToBe(By.id("status"), "Submitted"));
        english(emma, "the submitted report");

        WebDriver liam = signIn(tenant, "liam", "Liam Smith");
        english(liam, "the approver's home");
        liam.findElement(By.id("nav-approvals")).click();
        wait(liam).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        english(liam, "the inbox");
        assertThat(liam.findElement(By.id("inbox:table")).getText()).as("dates as English writes them")
                .containsPattern("[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{2}:\\d{2}").doesNotContainPattern("\\d{4}/\\d{2}/\\d{2}");
        liam.findElement(By.linkText(title)).click();
        wait(liam).until(ExpectedConditions.urlContains("/app/approvals/report.xhtml"));
        english(liam, "the report to decide");
        liam.findElement(By.id("approve")).click();
        wait(liam).until(ExpectedConditions.elementToBeClickable(By.id("approveForm:confirm")));
        english(liam, "the approve dialog");
        liam.findElement(By.id("approveForm:confirm")).click();
        wait(liam).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        assertThat(liam.findElement(By.id("messages")).getText()).contains("Approved");
        english(liam, "the inbox after approving");

        WebDriver noah = signIn(tenant, "noah", "Noah Jones");
        english(noah, "accounting's home");
        noah.get(Browser.SECURE + "/app/payments/index.xhtml");
        english(noah, "payments");
        noah.get(Browser.SECURE + "/app/approvals/report.xhtml?id=" + id);
        english(noah, "the approved report");
        noah.findElement(By.id("payForm:pay")).click();
        wait(noah).until(ExpectedConditions.elementToBeClickable(By.id("confirmYes")));
        english(noah, "the payment confirmation");
        noah.findElement(By.id("confirmYes")).click();
        wait(noah).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Marked paid."));

        emma.get(Browser.SECURE + "/app/reports/edit.xhtml?id=" + id);
        assertThat(emma.findElement(By.id("status")).getText()).isEqualTo("Paid");
        english(emma, "the paid report");
        emma.findElement(By.id("nav-notifications")).click();
        wait(emma).until(ExpectedConditions.urlContains("/app/notifications.xhtml"));
        assertThat(emma.findElement(By.tagName("main")).getText()).contains(title).contains("paid");
        english(emma, "notifications");
    }

    private WebDriver signIn(RemoteTenant tenant, String subject, String name) {
        return browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), subject, Map.of("name", name));
    }

    /** The page's visible text has no Japanese but the company's data; the failure quotes each piece in its line. */
    private static void english(WebDriver browser, String page) {
        String text = browser.findElement(By.tagName("body")).getText();
        for (String data : DATA) {
            text = text.replace(data, "");
        }
        // The provider's notices shown on every page quote their title as the provider wrote it: data too.
        for (WebElement notice : browser.findElements(By.cssSelector("#change-notices li, #restore-notices li"))) {
            text = text.replace(notice.getText(), notice.getText().replaceAll("\"[^\"]*\"", "\"\""));
        }
        List<String> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher japanese = JAPANESE.matcher(line);
            if (japanese.find()) {
                found.add(line.strip());
            }
        }
        assertThat(found).as("Japanese on " + page).isEmpty();
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
