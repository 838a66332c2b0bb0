package jp.sapphire.receipt;

import static jp.sapphire.it.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In Chromium: accounting finds a receipt by payee and amount range in the 電帳法 search; an employee may not search. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecordsUiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void accountingFindsAReceiptByPayeeAndAmountRange() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato", "EMPLOYEE:SUBJECT:suzuki",
                "ACCOUNTING:SUBJECT:suzuki");
        RemoteFixture.organise(idp, tenant, """
                department 111 営業1課 - sato
                member yamada 111
                route 標準 100 2020-01-01 -
                step 課長承認 MANAGER 1
                """);
        ApiClient yamadaApi = ApiClient.signedIn(idp, tenant, "yamada");
        String small = ApiReports.submitted(tenant, yamadaApi, "小口", 1_200);
        String large = ApiReports.submitted(tenant, yamadaApi, "大口", 48_000);
        String payee = (String) ApiClient.list(expect(yamadaApi.get("/reports/" + large), 200).get("lines")).get(0).get("payee");

        WebDriver suzuki = browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), "suzuki", Map.of("name", "鈴木 一郎"));
        suzuki.findElement(By.id("nav-records")).click();
        wait(suzuki).until(ExpectedConditions.urlContains("/app/records/index.xhtml"));
        suzuki.findElement(By.id("search:payee")).sendKeys(payee.substring(payee.length() - 6));
        suzuki.findElement(By.id("search:minYen")).sendKeys("10000");
        suzuki.findElement(By.id("search:maxYen")).sendKeys("48000");
        suzuki.findElement(By.id("search:find")).click();
        wait(suzuki).until(ExpectedConditions.visibilityOfElementLocated(By.id("found-count")));
        assertThat(suzuki.findElement(By.id("found-count")).getText()).startsWith("1");
        String table = suzuki.findElement(By.id("found")).getText();
        assertThat(table).contains(payee).contains("¥48,000").contains("大口").doesNotContain("小口");
        String link = suzuki.findElement(By.cssSelector("#found .receipt-link")).getAttribute("href");
        assertThat(link).matches(".*/app/receipts/[0-9a-f-]{36}");
        assertThat(suzuki.findElement(By.id("found")).getText()).containsPattern("[0-9a-f]{64}");

        suzuki.findElement(By.id("search:minYen")).clear();
        suzuki.findElement(By.id("search:minYen")).sendKeys("50000");
        suzuki.findElement(By.id("search:find")).click();
        wait(suzuki).until(ExpectedConditions.textToBePresentInElementLocated(By.id("search"), "上限の金額は下限以上にしてください。"));
        assertThat(suzuki.findElements(By.id("found"))).as("no results of the earlier search beside the refusal").isEmpty();

        WebDriver yamada = browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), "yamada", Map.of("name", "山田 花子"));
        assertThat(yamada.findElements(By.id("nav-records"))).isEmpty();
        yamada.get(Browser.SECURE + "/app/records/index.xhtml");
        assertThat(yamada.getPageSource()).contains("このページを表示する権限がありません。").doesNotContain(small);
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
