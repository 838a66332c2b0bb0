package jp.sapphire.admin;

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
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.Viewport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tenant administrator in the browser: grants APPROVER to an IdP group, impersonates an
 * employee, files a draft as them, ends the impersonation, and finds all of it in the privileged
 * activity log and the draft's action log; imports departments from a CSV file, defines an
 * approval route and previews the approver a sample report would get.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminUiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private WebDriver browser;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @AfterEach
    void quit() throws IOException {
        Chromium.screenshotAndQuit(getClass(), browser == null ? List.of() : List.of(browser));
    }

    /** The admin navigation's links whose text the browser broke over more than one line. */
    @SuppressWarnings("unchecked")
    private static List<String> wrappedNavigationLinks(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('#admin-nav a')]
                    .filter(a => a.getClientRects().length > 1
                        || a.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(a).lineHeight || '0')
                        || a.getBoundingClientRect().height > 2.2 * parseFloat(getComputedStyle(a).fontSize))
                    .map(a => a.textContent.trim());""");
    }

    @Test
    void anAdministratorGrantsARoleImpersonatesAnEmployeeFilesADraftAndEndsIt() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "EMPLOYEE:SUBJECT:yamada", "TENANT_ADMIN:SUBJECT:tanaka", "EMPLOYEE:SUBJECT:tanaka");
        Map<String, UUID> members = RemoteFixture.organise(idp, tenant, """
                department 100 本社 - -
                member yamada 100
                """);
        idp.nextSignIn(tenant.issuerId(), "yamada", Map.of("name", "山田 太郎"));
        WebDriver yamada = Chromium.start();
        try {
            yamada.get(Browser.SECURE + "/t/" + tenant.slug() + "/");
            new WebDriverWait(yamada, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(Browser.SECURE + "/app/home.xhtml"));
        } finally {
            yamada.quit();
        }

        WebDriverWait wait = signInAsTanaka(tenant);

        browser.findElement(By.id("nav-admin")).click();
        wait.until(ExpectedConditions.urlContains("/app/admin/members.xhtml"));
        for (int width : new int[] {1280, 1024}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            assertThat(wrappedNavigationLinks(browser)).as("admin navigation labels broken over lines at " + width + " px").isEmpty();
        }
        assertThat(browser.findElements(By.cssSelector("#admin-nav a"))).hasSize(17);
        List<String> pages = browser.findElements(By.cssSelector("#admin-nav a")).stream()
                .map(link -> link.getAttribute("href")).toList();
        for (String page : pages) {
            browser.get(page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-nav")));
            assertThat(Viewport.fits(browser, page)).as("the console at 1024 px").isLessThanOrEqualTo(1024);
        }
        browser.get(Browser.SECURE + "/app/admin/members.xhtml");
        browser.findElement(By.linkText("ロールの割り当て")).click();
        wait.until(ExpectedConditions.urlContains("/app/admin/roles.xhtml"));
        PrimeMenu.choose(browser, "grant:role", "承認者");
        PrimeMenu.choose(browser, "grant:kind", "IdPのグループ");
        browser.findElement(By.id("grant:value")).sendKeys("keiri-approvers");
        Chromium.press(browser, "grant:submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "承認者 を keiri-approvers に割り当てました。"));
        assertThat(browser.findElement(By.id("bindings")).getText()).contains("keiri-approvers");

        browser.get(Browser.SECURE + "/app/admin/member.xhtml?id=" + members.get("yamada"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("impersonate:start"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("impersonation-banner")));
        assertThat(browser.findElement(By.id("impersonation-banner")).getText())
                .contains("田中 美咲 さんが 山田 太郎 さんとしてなりかわりログイン中です");
        assertThat(browser.findElement(By.id("header-member")).getText()).isEqualTo("山田 太郎");
        assertThat(browser.findElements(By.id("nav-admin"))).as("no admin console while impersonating").isEmpty();

        browser.get(Browser.SECURE + "/app/reports/edit.xhtml");
        browser.findElement(By.id("report:title")).sendKeys("なりかわりで作成した下書き");
        browser.findElement(By.id("report:save")).click();
        wait.until(ExpectedConditions.urlContains("id="));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#action-log .action-name")));
        assertThat(browser.findElement(By.id("action-log")).getText()).contains("作成").contains("山田 太郎")
                .contains("なりかわり: 田中 美咲");

        browser.findElement(By.id("impersonation:end")).click();
        wait.until(ExpectedConditions.urlContains("/app/admin/members.xhtml"));
        assertThat(browser.findElements(By.id("impersonation-banner"))).isEmpty();
        assertThat(browser.findElement(By.id("header-member")).getText()).isEqualTo("田中 美咲");

        browser.findElement(By.linkText("特権操作ログ")).click();
        wait.until(ExpectedConditions.urlContains("/app/admin/activity.xhtml"));
        String activity = browser.findElement(By.id("activity")).getText();
        assertThat(activity).contains("ロールを割り当て").contains("GROUP keiri-approvers").contains("なりかわり開始")
                .contains("なりかわり終了").contains("山田 太郎 (yamada)").contains("田中 美咲");
    }

    @Test
    void anAdministratorImportsDepartmentsDefinesARouteAndPreviewsIt() throws IOException {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "EMPLOYEE:SUBJECT:yamada", "TENANT_ADMIN:SUBJECT:tanaka", "EMPLOYEE:SUBJECT:tanaka");
        RemoteFixture.organise(idp, tenant, """
                department 100 本社 - -
                member yamada 100
                member tanaka 100
                """);
        WebDriverWait wait = signInAsTanaka(tenant);

        browser.get(Browser.SECURE + "/app/admin/departments.xhtml");
        Path csv = Files.createTempFile("departments", ".csv");
        Files.writeString(csv, "コード,名称,上位部門コード,所属長\r\n100,本社,,tanaka\r\n200,営業部,100,tanaka\r\n");
        browser.findElement(By.id("upload:file")).sendKeys(csv.toAbsolutePath().toString());
        Chromium.press(browser, "upload:submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "取り込みました: 追加 1件、変更 1件。"));
        assertThat(browser.findElement(By.id("departments")).getText()).contains("営業部").contains("田中 美咲");

        browser.findElement(By.linkText("承認ルート")).click();
        wait.until(ExpectedConditions.urlContains("/app/admin/routes.xhtml"));
        browser.findElement(By.id("route:name")).sendKeys("ブラウザで作ったルート");
        browser.findElement(By.id("route:priority")).clear();
        browser.findElement(By.id("route:priority")).sendKeys("5");
        browser.findElement(By.id("route:steps:0:name")).sendKeys("課長承認");
        Chromium.press(browser, "route:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "承認ルート「ブラウザで作ったルート」を保存しました。"));

        PrimeMenu.choose(browser, "preview:applicant", "yamada さん");
        browser.findElement(By.id("preview:total")).clear();
        browser.findElement(By.id("preview:total")).sendKeys("20000");
        Chromium.press(browser, "preview:run");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-route")));
        assertThat(browser.findElement(By.id("preview-route")).getText()).contains("ブラウザで作ったルート");
        assertThat(browser.findElement(By.id("preview-steps")).getText()).contains("課長承認").contains("田中 美咲");
        Files.delete(csv);
    }

    @Test
    void theMembersAreSortedByAnyColumnAndPagedTwentyFiveAtATime() {
        StringBuilder organisation = new StringBuilder("department 100 本社 - -\nmember tanaka 100\n");
        for (int n = 1; n <= 30; n++) {
            organisation.append("member m").append(String.format("%02d", n)).append(" 100\n");
        }
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "TENANT_ADMIN:SUBJECT:tanaka", "EMPLOYEE:SUBJECT:tanaka");
        RemoteFixture.organise(idp, tenant, organisation.toString());
        WebDriverWait wait = signInAsTanaka(tenant);
        browser.get(Browser.SECURE + "/app/admin/members.xhtml");

        assertThat(rows(browser)).hasSize(25);
        assertThat(browser.findElement(By.cssSelector("#members .ui-paginator-current")).getText()).isEqualTo("1–25 / 31");
        browser.findElement(By.cssSelector("#members .ui-paginator-next")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#members .ui-paginator-current"), "26–31 / 31"));
        assertThat(rows(browser)).hasSize(6);

        browser.findElement(By.cssSelector("#members th.ui-sortable-column:nth-child(3)")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#members .ui-paginator-current"), "1–25 / 31"));
        assertThat(rows(browser).get(0)).as("ascending by the IdP's user id").contains("m01");
        browser.findElement(By.cssSelector("#members th.ui-sortable-column:nth-child(3)")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#members tbody tr"), "tanaka"));
        assertThat(rows(browser).get(1)).as("descending").contains("m30");
    }

    /** A browser signed in as tanaka, the administrator; answers its wait. */
    private WebDriverWait signInAsTanaka(RemoteTenant tenant) {
        idp.nextSignIn(tenant.issuerId(), "tanaka", Map.of("name", "田中 美咲"));
        browser = Chromium.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(Browser.SECURE + "/t/" + tenant.slug() + "/");
        wait.until(ExpectedConditions.urlToBe(Browser.SECURE + "/app/home.xhtml"));
        return wait;
    }

    private static java.util.List<String> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#members tbody tr")).stream().map(WebElement::getText).toList();
    }
}
