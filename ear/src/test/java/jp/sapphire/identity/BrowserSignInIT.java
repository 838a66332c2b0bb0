package jp.sapphire.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Chromium;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person signs in with a real browser (Chromium) at an IdP with a login page, and out again. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserSignInIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(true);

    private WebDriver browser;
    private WebDriverWait wait;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void quitBrowser() throws IOException {
        Chromium.screenshotAndQuit(getClass(), List.of(browser));
    }

    @Test
    void aMemberSignsInThroughTheCompanyCodeAndTheIdpLoginPageAndOutAgain() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(), "EMPLOYEE:SUBJECT:yamada");

        browser.get(Browser.SECURE + "/");
        wait.until(ExpectedConditions.urlToBe(Browser.SECURE + "/index.xhtml"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("サインイン");
        browser.findElement(By.id("chooser:slug")).sendKeys(tenant.slug());
        browser.findElement(By.id("chooser:go")).click();

        wait.until(ExpectedConditions.urlContains(idp.issuer(tenant.issuerId())));
        browser.findElement(By.name("username")).sendKeys("yamada");
        var claims = browser.findElement(By.name("claims"));
        claims.clear();
        claims.sendKeys("{\"name\": \"山田 太郎\"}");
        browser.findElement(By.cssSelector("input[type=submit]")).click();

        wait.until(ExpectedConditions.urlToBe(Browser.SECURE + "/app/home.xhtml"));
        assertThat(browser.findElement(By.id("member-name")).getText()).isEqualTo("山田 太郎");
        assertThat(browser.findElements(By.cssSelector("#member-roles li.role")))
                .extracting(role -> role.getAttribute("data-role")).containsExactly("EMPLOYEE");
        assertThat(browser.findElement(By.id("member-roles")).getText()).isEqualTo("申請者");

        browser.findElement(By.id("signout:button")).click();
        wait.until(ExpectedConditions.urlToBe(Browser.SECURE + "/index.xhtml"));
        browser.get(Browser.SECURE + "/app/home.xhtml");
        wait.until(ExpectedConditions.urlToBe(Browser.SECURE + "/index.xhtml"));
    }

    @Test
    void theChooserExplainsAMissingOrMalformedCompanyCodeInJapanese() {
        browser.get(Browser.SECURE + "/index.xhtml");
        Chromium.press(browser, "chooser:go");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chooser:slug-message"))).getText())
                .isEqualTo("会社コードを入力してください。");

        browser.findElement(By.id("chooser:slug")).sendKeys("A Company!");
        Chromium.press(browser, "chooser:go");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chooser:slug-message"))).getText())
                .isEqualTo("会社コードは英小文字・数字・ハイフンで2〜63文字です。");
    }
}
