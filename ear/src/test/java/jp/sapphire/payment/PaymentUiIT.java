package jp.sapphire.payment;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
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

/**
 * In Chromium: the employee enters her bank account (a mistake named, then full-width kana made
 * bank kana); 鈴木 of accounting sees her approved reports waiting, makes a batch of them,
 * exports and downloads the 全銀 file, marks the batch paid; she sees her report 支払済み.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentUiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void accountingPaysTheApprovedReportsWithTheBankFileAndTheEmployeeSeesThemPaid() throws IOException {
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
                """);
        ApiClient yamadaApi = ApiClient.signedIn(idp, tenant, "yamada");
        ApiClient sato = ApiClient.signedIn(idp, tenant, "sato");
        ApiClient takahashi = ApiClient.signedIn(idp, tenant, "takahashi");
        String trip = ApiReports.submitted(tenant, yamadaApi, "大阪出張 " + UUID.randomUUID().toString().substring(0, 6), 13_870);
        String books = ApiReports.submitted(tenant, yamadaApi, "参考図書", 3_520);
        for (String report : List.of(trip, books)) {
            expect(sato.post("/reports/" + report + "/approve", "{}", "*"), 200);
            expect(takahashi.post("/reports/" + report + "/approve", "{}", "*"), 200);
        }

        WebDriver yamada = browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), "yamada", Map.of("name", "山田 花子"));
        yamada.findElement(By.id("nav-bank-account")).click();
        wait(yamada).until(ExpectedConditions.urlContains("/app/bank-account.xhtml"));
        assertThat(yamada.findElement(By.id("none")).getText()).contains("振込先口座がまだ登録されていません");
        yamada.findElement(By.id("account:bankCode")).sendKeys("0001");
        yamada.findElement(By.id("account:branchCode")).sendKeys("123");
        yamada.findElement(By.id("account:accountNumber")).sendKeys("0000123");
        yamada.findElement(By.id("account:holderName")).sendKeys("山田　ハナコ");
        yamada.findElement(By.id("account:save")).click();
        wait(yamada).until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"),
                "「山」は銀行に送れない文字です。"));
        yamada.findElement(By.id("account:holderName")).clear();
        yamada.findElement(By.id("account:holderName")).sendKeys("やまだ　はなこ");
        yamada.findElement(By.id("account:save")).click();
        wait(yamada).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "振込先口座を保存しました。"));
        assertThat(yamada.findElement(By.id("account:holderName")).getAttribute("value")).isEqualTo("ﾔﾏﾀﾞ ﾊﾅｺ");

        WebDriver suzuki = browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), "suzuki", Map.of("name", "鈴木 一郎"));
        suzuki.findElement(By.id("nav-payments")).click();
        wait(suzuki).until(ExpectedConditions.urlContains("/app/payments/index.xhtml"));
        String pending = suzuki.findElement(By.id("create:pending")).getText();
        assertThat(pending).contains("山田 花子").contains("¥13,870").contains("¥3,520").contains("登録済み");
        assertThat(suzuki.findElement(By.id("pending-count")).getText()).startsWith("2");
        for (var pick : suzuki.findElements(By.cssSelector("#create\\:pending .pick .ui-chkbox-box"))) {
            pick.click();
        }
        suzuki.findElement(By.id("create:makeBatch")).click();
        wait(suzuki).until(ExpectedConditions.urlContains("/app/payments/batch.xhtml"));
        assertThat(suzuki.findElement(By.id("status")).getText()).isEqualTo("作成中");
        assertThat(suzuki.findElement(By.id("total")).getText()).isEqualTo("¥17,390");
        assertThat(suzuki.findElement(By.id("batch:payees")).getText()).contains("0001-123 普通 0000123 ﾔﾏﾀﾞ ﾊﾅｺ");

        suzuki.findElement(By.id("batch:export")).click();
        wait(suzuki).until(ExpectedConditions.textToBe(By.id("status"), "ファイル出力済み"));
        String sha256 = suzuki.findElement(By.id("sha256")).getText();
        suzuki.findElement(By.id("batch:download")).click();
        Path downloads = Chromium.downloads(suzuki);
        assertThat(Poll.until(Duration.ofSeconds(20), () -> downloaded(downloads) != null)).as("the file is downloaded").isTrue();
        byte[] file = Files.readAllBytes(downloaded(downloads));
        assertThat(file).as("header, one payee, trailer, end").hasSize(4 * 122);
        assertThat(HexFormat.of().formatHex(sha256(file))).isEqualTo(sha256);
        assertThat(new String(file, 122, 122, Charset.forName("Shift_JIS")))
                .startsWith("20001").contains("ﾔﾏﾀﾞ ﾊﾅｺ").contains("0000017390");

        suzuki.findElement(By.id("batch:paid")).click();
        wait(suzuki).until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
        wait(suzuki).until(ExpectedConditions.textToBe(By.id("status"), "支払済み"));
        assertThat(suzuki.findElement(By.id("messages")).getText()).contains("支払済にしました。");

        yamada.get(Browser.SECURE + "/app/reports/edit.xhtml?id=" + trip);
        assertThat(wait(yamada).until(ExpectedConditions.visibilityOfElementLocated(By.id("status"))).getText())
                .isEqualTo("支払済み");
        assertThat(list(expect(yamadaApi.get("/reports?status=PAID"), 200).get("items"))).hasSize(2);
        assertThat(yamada.findElements(By.id("nav-payments"))).as("no payments link for an employee").isEmpty();
        yamada.get(Browser.SECURE + "/app/payments/index.xhtml");
        assertThat(yamada.getPageSource()).contains("このページを表示する権限がありません。").doesNotContain("山田 花子 ¥");
    }

    /** The file the browser has finished saving, if there is one. */
    private static Path downloaded(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
