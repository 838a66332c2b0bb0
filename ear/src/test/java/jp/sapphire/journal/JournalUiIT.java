package jp.sapphire.journal;

import static jp.sapphire.it.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Browsers;
import jp.sapphire.it.Chromium;
import jp.sapphire.it.Poll;
import jp.sapphire.it.PrimeMenu;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.platform.control.BankDays;
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

/**
 * In Chromium: accounting sees a line's invoice status on the report, sets it with a reason, and
 * downloads the paid batch's journal as a 弥生 import file, which carries the status it set.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JournalUiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void accountingSetsAnInvoiceStatusAndDownloadsTheBatchAsAYayoiFile() throws IOException {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato", "EMPLOYEE:SUBJECT:suzuki",
                "ACCOUNTING:SUBJECT:suzuki", "EMPLOYEE:SUBJECT:takahashi", "ACCOUNTING:SUBJECT:takahashi");
        RemoteFixture.organise(idp, tenant, """
                department 111 営業1課 - sato
                member yamada 111
                route 標準 100 2020-01-01 -
                step 課長承認 MANAGER 1
                step 経理承認 ROLE ACCOUNTING
                payer 0123456789 ｻﾌｧｲｱﾃｽﾄ(ｶ 0005 001 1 1234567
                journal LINE 三菱UFJ銀行 NAME NONE
                """);
        ApiClient yamada = ApiClient.signedIn(idp, tenant, "yamada");
        ApiClient takahashi = ApiClient.signedIn(idp, tenant, "takahashi");
        String report = ApiReports.submitted(tenant, yamada, "参考図書", 3_520);
        expect(ApiClient.signedIn(idp, tenant, "sato").post("/reports/" + report + "/approve", "{}", "*"), 200);
        expect(takahashi.post("/reports/" + report + "/approve", "{}", "*"), 200);

        WebDriver suzuki = browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), "suzuki", Map.of("name", "鈴木 一郎"));
        suzuki.get(Browser.SECURE + "/app/approvals/report.xhtml?id=" + report);
        By invoice = By.cssSelector("#lines\\:table td.invoice");
        assertThat(wait(suzuki).until(ExpectedConditions.visibilityOfElementLocated(invoice)).getText())
                .as("¥3,520 at 10 percent holds ¥320; without a registration number 60 percent of it").contains("経過措置").contains("60% ¥192");
        suzuki.findElement(By.id("lines:table:0:setInvoice")).click();
        wait(suzuki).until(ExpectedConditions.visibilityOfElementLocated(By.id("invoiceForm:invoiceReason")));
        PrimeMenu.choose(suzuki, "invoiceForm:invoiceStatus", "適格");
        suzuki.findElement(By.id("invoiceForm:invoiceReason")).sendKeys("領収書に登録番号の記載あり");
        suzuki.findElement(By.id("invoiceForm:save")).click();
        wait(suzuki).until(ExpectedConditions.textToBePresentInElementLocated(invoice, "経理が変更"));
        assertThat(suzuki.findElement(invoice).getText()).contains("適格").contains("100% ¥320").contains("領収書に登録番号の記載あり");
        assertThat(suzuki.findElement(By.id("action-log")).getText()).contains("インボイス区分の変更");

        expect(yamada.put("/me/bank-account", """
                {"bankCode": "0001", "branchCode": "001", "accountType": 1, "accountNumber": "1234567", "holderName": "ﾔﾏﾀﾞ"}""",
                "*"), 200);
        LocalDate transfer = BankDays.onOrAfter(ServerClock.today(TestClock.TOKYO).plusDays(2));
        String batch = (String) expect(takahashi.post("/payment-batches", "{\"transferDate\": \"" + transfer
                + "\", \"reportIds\": [\"" + report + "\"]}"), 201).get("id");
        expect(takahashi.post("/payment-batches/" + batch + "/export", "", "*"), 200);
        expect(takahashi.post("/payment-batches/" + batch + "/paid", "", "*"), 200);

        suzuki.get(Browser.SECURE + "/app/payments/batch.xhtml?id=" + batch);
        wait(suzuki).until(ExpectedConditions.textToBe(By.id("status"), "支払済み"));
        suzuki.findElement(By.id("journal:download")).click();
        Path downloads = Chromium.downloads(suzuki);
        String name = "journal-yayoi-batch-" + transfer + ".csv";
        assertThat(Poll.until(Duration.ofSeconds(20), () -> Files.exists(downloads.resolve(name)))).as(name).isTrue();
        List<String> lines = List.of(new String(Files.readAllBytes(downloads.resolve(name)), Charset.forName("windows-31j"))
                .split("\r\n"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("\"2000\",\"1\",\"\",\"" + ServerClock.today(TestClock.TOKYO).toString().replace('-', '/')
                + "\",\"消耗品費\",\"\",\"営業1課\",\"課対仕入込10%適格\",\"3520\",\"320\",\"未払金\"");
        assertThat(lines.get(1)).startsWith("\"2000\",\"2\",\"\",\"" + transfer.toString().replace('-', '/') + "\",\"未払金\"")
                .contains("\"普通預金\",\"三菱UFJ銀行\"");
        assertThat(listed(downloads)).as("one file").containsExactly(name);
    }

    private static List<String> listed(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }
}
