package jp.sapphire.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Chromium;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The accessibility basics of docs/UI.md, in Chromium, on every page a member with every role
 * opens (the admin console included): each input has a label, each image a text, each link and
 * button shown a name, the messages shown are announced (an alert, a status or a live region), the
 * page says its language, no element jumps the tab order; and an approval is made with the keyboard
 * alone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static final List<String> PAGES = List.of("home", "reports/index", "reports/edit", "approvals/index",
            "notifications", "delegations", "tokens", "bank-account", "changes", "action-log", "records/index",
            "payments/index", "admin/members", "admin/roles", "admin/departments", "admin/categories", "admin/projects",
            "admin/fields", "admin/labels", "admin/routes", "admin/policy", "admin/rules", "admin/bank-accounts", "admin/payer",
            "admin/journal", "admin/idp", "admin/activity", "admin/incidents", "admin/contract");

    @Test
    void everyPageLabelsItsInputsNamesItsControlsAndAnnouncesItsMessages() {
        RemoteTenant tenant = company(Map.of("privileged", "true"), "ACCOUNTING:SUBJECT:aoi", "TENANT_ADMIN:SUBJECT:aoi");
        String id = ApiReports.submitted(tenant, ApiClient.signedIn(idp, tenant, "ren"), "アクセシビリティ確認", 4_400);

        WebDriver aoi = browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), "aoi", Map.of("name", "青井 葵"));
        List<String> problems = new ArrayList<>();
        for (String page : PAGES) {
            aoi.get(Browser.SECURE + "/app/" + page + ".xhtml");
            problems.addAll(audit(aoi, page));
        }
        aoi.get(Browser.SECURE + "/app/reports/edit.xhtml?id=" + ApiReports.draft(tenant, ApiClient.signedIn(idp, tenant, "aoi"),
                "下書き", 1_100));
        wait(aoi).until(ExpectedConditions.elementToBeClickable(By.id("lines:table:0:edit"))).click();
        wait(aoi).until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:payee")));
        problems.addAll(audit(aoi, "the line dialog"));
        aoi.get(Browser.SECURE + "/app/approvals/report.xhtml?id=" + id);
        problems.addAll(audit(aoi, "approvals/report"));
        aoi.get(Browser.SECURE + "/app/admin/policy.xhtml");
        aoi.findElement(By.id("reminders:reminderDays")).clear();
        aoi.findElement(By.id("reminders:reminderDays")).sendKeys("0");
        Chromium.press(aoi, "reminders:save");
        wait(aoi).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "1〜20"));
        problems.addAll(audit(aoi, "admin/policy with an error"));
        assertThat(problems).isEmpty();
    }

    @Test
    void anApproverApprovesWithTheKeyboardAlone() {
        RemoteTenant tenant = company(Map.of());
        String id = ApiReports.submitted(tenant, ApiClient.signedIn(idp, tenant, "ren"), "キーボードで承認", 2_200);
        WebDriver aoi = browsers.signedIn(idp, tenant.issuerId(), tenant.slug(), "aoi", Map.of("name", "青井 葵"));
        aoi.get(Browser.SECURE + "/app/approvals/report.xhtml?id=" + id);

        tabTo(aoi, "approve").sendKeys(Keys.ENTER);
        WebElement comment = wait(aoi).until(ExpectedConditions.visibilityOfElementLocated(By.id("approveForm:comment")));
        tabTo(aoi, "approveForm:comment");
        comment.sendKeys("確認しました");
        tabTo(aoi, "approveForm:confirm").sendKeys(Keys.ENTER);
        wait(aoi).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        assertThat(aoi.findElement(By.id("messages")).getText()).contains("承認しました。");
    }

    /** ren, an employee whose manager is aoi, an approver; aoi holds the roles named too. */
    private static RemoteTenant company(Map<String, String> settings, String... roles) {
        List<String> bindings = new ArrayList<>(List.of("EMPLOYEE:SUBJECT:ren", "EMPLOYEE:SUBJECT:aoi", "APPROVER:SUBJECT:aoi"));
        bindings.addAll(List.of(roles));
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), settings, bindings.toArray(String[]::new));
        RemoteFixture.organise(idp, tenant, """
                department 111 営業1課 - aoi
                member ren 111
                member aoi 111
                route 標準 100 2020-01-01 -
                step 課長承認 MANAGER 1
                """);
        return tenant;
    }

    /** Presses Tab until the element with this id has the focus (at most 80 times); answers it. */
    private static WebElement tabTo(WebDriver browser, String id) {
        for (int i = 0; i < 80; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** What keeps the page from a screen reader or the keyboard, each named with the page. */
    @SuppressWarnings("unchecked")
    private static List<String> audit(WebDriver browser, String page) {
        List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const problems = [];
                const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '')
                        + (e.id || e.name ? '' : ' ' + e.outerHTML.substring(0, 160));
                for (const e of document.querySelectorAll('input, select, textarea')) {
                    const type = (e.getAttribute('type') || 'text').toLowerCase();
                    if (['hidden', 'submit', 'button', 'image', 'reset'].includes(type) || e.disabled
                            || e.closest('[aria-hidden="true"]') || e.tabIndex < 0) continue;
                    const labelled = (e.labels && e.labels.length > 0) || e.getAttribute('aria-label')
                            || e.getAttribute('aria-labelledby') || e.getAttribute('title');
                    if (!labelled) problems.push('input without a label: ' + name(e));
                }
                for (const img of document.querySelectorAll('img')) {
                    if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.getAttribute('src'));
                }
                const shown = e => e.getClientRects().length > 0;
                for (const e of document.querySelectorAll('button, a[href], [role=button]')) {
                    if (e.closest('[aria-hidden="true"]') || !shown(e)) continue;
                    const text = (e.innerText || e.textContent || '').trim() || e.getAttribute('aria-label')
                            || e.getAttribute('title') || (e.querySelector('img[alt]') || {}).alt;
                    if (!text) problems.push('control without a name: ' + name(e));
                }
                for (const e of document.querySelectorAll('[tabindex]')) {
                    if (parseInt(e.getAttribute('tabindex'), 10) > 0) problems.push('tab order jumped: ' + name(e));
                }
                for (const e of document.querySelectorAll('[id$=messages], .field-error, .ui-messages, .ui-message')) {
                    if (shown(e) && !e.closest('[role=alert], [role=status], [aria-live]')) problems.push('messages not announced: ' + name(e));
                }
                if (!document.documentElement.lang) problems.push('the page does not say its language');
                return problems;""");
        return found.stream().map(problem -> page + ": " + problem).toList();
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
