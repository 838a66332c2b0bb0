package jp.sapphire.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.AdminCli;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Browsers;
import jp.sapphire.it.Chromium;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.PrimeMenu;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TenantFixture;
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
 * Onboarding a customer as operators do it, with the CLI {@code sapphire-admin} run as a process
 * against the management endpoint: a tenant is opened, connected to its own IdP (a second issuer of
 * the test IdP) and given its privileged account; then, in Chromium, its administrator signs in,
 * binds the roles to IdP groups, sets up categories and a route, an employee files a report and an
 * approver approves it — no SQL anywhere. Each command's refusals, its audit entry under the
 * operator's name, and what the operator sees of a tenant with data: counts, never content.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OnboardingIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final String OPERATOR = "operator:" + OperatorJmx.OPERATOR;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens a tenant with the CLI, to be removed when the class ends. */
    private static String created(String name) {
        String slug = unique("acme");
        AdminCli.run("tenant", "create", slug, "--name", name, "--region", "asia").done();
        RemoteFixture.adopt(slug);
        return slug;
    }

    private static Path secretFile(String content) throws IOException {
        Path file = Files.createTempFile("client-secret", ".txt");
        Files.writeString(file, content);
        file.toFile().deleteOnExit();
        return file;
    }

    private static List<String> audited(String event, String detailLike) {
        return Superuser.column("SELECT outcome || ' ' || actor FROM system_audit_log WHERE event = ? AND detail LIKE ?"
                + " ORDER BY id", event, detailLike);
    }

    @Test
    void aNewCustomerIsOpenedConnectedToItsIdpAndRunByItsOwnAdministratorWithoutSql() throws IOException {
        String slug = unique("acme");
        String issuerId = unique("acme-idp");
        String secret = "s3cret-" + UUID.randomUUID();

        Map<String, Object> opened = AdminCli.run("--json", "tenant", "create", slug, "--name", "アクメ株式会社",
                "--region", "asia").json();
        RemoteFixture.adopt(slug);
        assertThat(opened).containsEntry("slug", slug).containsEntry("name", "アクメ株式会社").containsEntry("region", "asia")
                .containsEntry("status", "ACTIVE").containsEntry("privilegedAccount", "not enabled");
        String set = AdminCli.run("idp", "set", slug, "--issuer", idp.issuer(issuerId), "--client-id", "acme-sapphire",
                "--client-secret-file", secretFile(secret).toString(), "--groups-claim", "groups").done();
        assertThat(set).contains(idp.issuer(issuerId)).doesNotContain(secret);
        assertThat(AdminCli.run("privileged", "enable", slug, "--admin-subject", "acme-admin").done())
                .contains("privilegedAccount: enabled").contains("administrator: SUBJECT acme-admin");
        assertThat(Superuser.column("SELECT encode(client_secret, 'escape') FROM identity_provider i JOIN tenant t"
                + " ON t.id = i.tenant_id WHERE t.slug = ?", slug)).singleElement().asString().doesNotContain(secret);

        WebDriver admin = signIn(slug, issuerId, "acme-admin", "管理 花子", List.of());
        grant(admin, "申請者", "acme-staff");
        grant(admin, "承認者", "acme-approvers");
        admin.get(Browser.SECURE + "/app/admin/categories.xhtml");
        Path categories = Files.createTempFile("categories", ".csv");
        Files.writeString(categories, "コード,名称,種類,既定の税区分,有効\r\n7410,消耗品費,GENERAL,STANDARD_10,true\r\n");
        admin.findElement(By.id("upload:file")).sendKeys(categories.toAbsolutePath().toString());
        Chromium.press(admin, "upload:submit");
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "取り込みました: 追加 1件"));
        Files.delete(categories);
        admin.get(Browser.SECURE + "/app/admin/routes.xhtml");
        admin.findElement(By.id("route:name")).sendKeys("承認者による承認");
        admin.findElement(By.id("route:steps:0:name")).sendKeys("承認");
        PrimeMenu.choose(admin, "route:steps:0:kind", "ロールを持つ人");
        PrimeMenu.choose(admin, "route:steps:0:role", "承認者");
        Chromium.press(admin, "route:save");
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "承認ルート「承認者による承認」を保存しました。"));

        WebDriver employee = signIn(slug, issuerId, "acme-suzuki", "鈴木 一郎", List.of("acme-staff"));
        employee.get(Browser.SECURE + "/app/reports/edit.xhtml");
        String title = "アクメ初めての申請 " + UUID.randomUUID().toString().substring(0, 8);
        employee.findElement(By.id("report:title")).sendKeys(title);
        employee.findElement(By.id("report:save")).click();
        wait(employee).until(ExpectedConditions.urlContains("id="));
        wait(employee).until(ExpectedConditions.elementToBeClickable(By.id("lines:addLine"))).click();
        wait(employee).until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:payee")));
        PrimeMenu.choose(employee, "lineForm:categoryId", "7410 消耗品費");
        employee.findElement(By.id("lineForm:amountYen")).sendKeys("3300");
        employee.findElement(By.id("lineForm:payee")).sendKeys("文具店");
        employee.findElement(By.id("lineForm:saveLine")).click();
        wait(employee).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lines:table"), "¥3,300"));
        wait(employee).until(ExpectedConditions.invisibilityOfElementLocated(By.id("lineDialog")));
        Path receipt = Files.createTempFile("receipt", ".jpg");
        Files.write(receipt, TenantFixture.JPEG);
        employee.findElement(By.id("lines:table:0:upload_input")).sendKeys(receipt.toString());
        wait(employee).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lines\\:table a.receipt-link")));
        Files.delete(receipt);
        wait(employee).until(ExpectedConditions.elementToBeClickable(By.id("actions:submit"))).click();
        wait(employee).until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
        wait(employee).until(ExpectedConditions.textToBe(By.id("status"), "申請中"));
        String report = employee.getCurrentUrl();

        WebDriver approver = signIn(slug, issuerId, "acme-sato", "佐藤 次郎", List.of("acme-staff", "acme-approvers"));
        approver.findElement(By.id("nav-approvals")).click();
        wait(approver).until(ExpectedConditions.urlContains("/app/approvals/index.xhtml"));
        approver.findElement(By.linkText(title)).click();
        wait(approver).until(ExpectedConditions.urlContains("/app/approvals/report.xhtml"));
        assertThat(wait(approver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".report-facts"))).getText()).contains("鈴木 一郎").contains("¥3,300");
        approver.findElement(By.id("approve")).click();
        wait(approver).until(ExpectedConditions.elementToBeClickable(By.id("approveForm:confirm"))).click();
        wait(approver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "承認しました。"));

        employee.get(report);
        assertThat(employee.findElement(By.id("status")).getText()).isEqualTo("承認済み");

        Map<String, Object> shown = AdminCli.run("--json", "tenant", "show", slug).json();
        assertThat(shown).containsEntry("issuer", idp.issuer(issuerId)).containsEntry("privilegedAccount", "enabled")
                .containsEntry("reports", 1L);
        assertThat(shown.get("members")).isEqualTo(Map.of("active", 3L, "deactivated", 0L));
        assertThat(audited("TENANT_CREATED", "tenant " + slug + " %")).containsExactly("SUCCESS " + OPERATOR);
        assertThat(audited("IDENTITY_PROVIDER_CHANGED", "issuer " + idp.issuer(issuerId) + "%"))
                .contains("SUCCESS " + OPERATOR);
        assertThat(audited("PRIVILEGED_ACCOUNTS_CHANGED", "privileged account enabled, TENANT_ADMIN bound to SUBJECT acme-admin"))
                .last().isEqualTo("SUCCESS " + OPERATOR);
    }

    @Test
    void tenantCommandsRefuseWhatCannotBeAndAuditItUnderTheOperatorsName() {
        String slug = created("重複テスト株式会社");
        assertThat(AdminCli.run("tenant", "create", slug, "--name", "二つ目", "--region", "asia").refused())
                .contains("The tenant id " + slug + " is taken.");
        assertThat(AdminCli.run("tenant", "create", "Acme_Bad", "--name", "x", "--region", "asia").refused())
                .contains("A tenant id is 2 to 63 lower-case letters, digits and hyphens");
        assertThat(AdminCli.run("tenant", "create", unique("acme"), "--name", "x", "--region", "mars").refused())
                .contains("The region must be asia or us, not mars.");
        assertThat(AdminCli.run("tenant", "create", unique("acme"), "--name", " ", "--region", "us").refused())
                .contains("A tenant needs a name of 1 to 200 characters.");
        for (String[] command : List.of(new String[] {"tenant", "show", "no-such-tenant"},
                new String[] {"tenant", "suspend", "no-such-tenant"}, new String[] {"tenant", "resume", "no-such-tenant"},
                new String[] {"privileged", "enable", "no-such-tenant", "--admin-group", "admins"},
                new String[] {"privileged", "withdraw", "no-such-tenant"})) {
            assertThat(AdminCli.run(command).refused()).as(String.join(" ", command)).containsIgnoringCase("no tenant no-such-tenant");
        }
        assertThat(AdminCli.run("tenant", "resume", slug).refused()).as("an active tenant is not resumed").isNotBlank();
        AdminCli.Answer wrongUse = AdminCli.run("tenant", "create", slug);
        assertThat(wrongUse.exit()).isEqualTo(2);
        assertThat(wrongUse.err()).contains("Missing required options");

        assertThat(AdminCli.run("tenant", "list").done()).contains(slug).contains("重複テスト株式会社");
        assertThat(Superuser.column("SELECT outcome || ' ' || actor || ' ' || detail FROM system_audit_log"
                + " WHERE event = 'TENANT_CREATED' AND detail LIKE ? ORDER BY id", "%" + slug + "%"))
                .containsExactly("SUCCESS " + OPERATOR + " tenant " + slug + " (重複テスト株式会社) opened in asia",
                        "FAILURE " + OPERATOR + " create " + slug + ": The tenant id " + slug + " is taken.");
    }

    @Test
    void anIdpIsStoredOnlyAfterItsIssuerWasCheckedAndItsSecretIsNeverEchoed() throws IOException {
        String slug = created("IdP確認株式会社");
        String secret = "never-printed-" + UUID.randomUUID();
        Path file = secretFile(secret);

        assertThat(AdminCli.run("idp", "set", slug, "--issuer", "http://127.0.0.1:9/unreachable", "--client-id", "c",
                "--client-secret-file", file.toString()).refused())
                .contains("The issuer http://127.0.0.1:9/unreachable cannot be used: DISCOVERY_FAILED");
        assertThat(AdminCli.run("idp", "set", slug, "--issuer", idp.issuer(unique("x")), "--client-id", "c",
                "--client-secret-file", file + ".missing").refused()).contains("--client-secret-file").contains("not a readable file");
        assertThat(AdminCli.run("idp", "set", slug, "--issuer", idp.issuer(unique("x")), "--client-id", "c",
                "--client-secret-file", secretFile(" \n").toString()).refused()).contains("is empty");
        assertThat(AdminCli.run("idp", "set", "no-such-tenant", "--issuer", idp.issuer(unique("x")), "--client-id", "c",
                "--client-secret-file", file.toString()).refused()).contains("No tenant no-such-tenant");
        assertThat(Superuser.column("SELECT count(*)::text FROM identity_provider i JOIN tenant t ON t.id = i.tenant_id"
                + " WHERE t.slug = ?", slug)).as("nothing stored").containsExactly("0");
        assertThat(Superuser.column("SELECT outcome || ' ' || actor FROM system_audit_log WHERE event = 'IDENTITY_PROVIDER_CHANGED'"
                + " AND detail LIKE ?", "IdP of " + slug + ": The issuer http://127.0.0.1:9/unreachable%"))
                .containsExactly("FAILURE " + OPERATOR);

        String issuer = idp.issuer(unique("idp"));
        AdminCli.Answer stored = AdminCli.run("--json", "idp", "set", slug, "--issuer", issuer, "--client-id", "c",
                "--client-secret-file", file.toString(), "--mfa-amr", "mfa,otp");
        assertThat(stored.done()).doesNotContain(secret);
        assertThat(stored.err()).doesNotContain(secret);
        assertThat(AdminCli.run("tenant", "show", slug).done()).contains("issuer: " + issuer).doesNotContain(secret);
        assertThat(Superuser.column("SELECT mfa_amr_values FROM identity_provider i JOIN tenant t ON t.id = i.tenant_id"
                + " WHERE t.slug = ?", slug)).singleElement().asString().contains("mfa").contains("otp");
    }

    @Test
    void theOperatorSeesATenantsUsageButNoneOfItsContent() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + unique, Map.of(), "EMPLOYEE:SUBJECT:yamada-" + unique);
        ApiClient yamada = ApiClient.signedIn(idp, tenant, "yamada-" + unique);
        String title = "極秘の出張 " + unique;
        ApiReports.submitted(tenant, yamada, title, 987_654);

        String text = AdminCli.run("tenant", "show", tenant.slug()).done();
        String json = AdminCli.run("--json", "tenant", "show", tenant.slug()).done();
        String mbean = (String) OperatorJmx.tenants("showTenant", tenant.slug());
        String list = AdminCli.run("--json", "tenant", "list").done();
        assertThat(text).contains("members:").contains("active: 1").contains("reports: 1").contains("lastSignIn: 20")
                .contains("region: asia").contains("status: ACTIVE");
        for (String seen : List.of(text, json, mbean, list)) {
            assertThat(seen).doesNotContain(title).doesNotContain("極秘").doesNotContain("987654").doesNotContain("987,654")
                    .doesNotContain("yamada-" + unique + " さん").doesNotContain("yamada-" + unique + "@");
        }
    }

    @Test
    void theOtherOperatorDutiesAnswerThroughTheSameCli() throws IOException {
        assertThat(AdminCli.run("backup", "list").exit()).isZero();
        assertThat(AdminCli.run("backup", "verify", "999999").refused()).contains("999999");
        assertThat(AdminCli.run("--json", "deletion", "list").json()).containsKey("lines");
        assertThat(AdminCli.run("notice", "list").exit()).isZero();
        assertThat(AdminCli.run("incident", "list").exit()).isZero();
        Path description = Files.createTempFile("notice", ".txt");
        Files.writeString(description, "説明");
        assertThat(AdminCli.run("notice", "publish", "--kind", "NEWS", "--title", "t", "--description-file",
                description.toString(), "--at", "2026-12-24T10:00+09:00").refused()).contains("NEWS");
        Files.delete(description);
        assertThat(AdminCli.run("backup", "notice", "999999", "--at", "tomorrow", "--reason", "r").refused())
                .contains("tomorrow");
        assertThat(Superuser.column("SELECT outcome || ' ' || actor FROM system_audit_log WHERE event = 'BACKUP_VERIFIED'"
                + " AND detail LIKE ? ORDER BY id DESC LIMIT 1", "%999999%")).containsExactly("FAILURE " + OPERATOR);
    }

    private WebDriver signIn(String slug, String issuerId, String subject, String name, List<String> groups) {
        return browsers.signedIn(idp, issuerId, slug, subject, Map.of("name", name, "groups", groups));
    }

    private static void grant(WebDriver admin, String role, String group) {
        admin.get(Browser.SECURE + "/app/admin/roles.xhtml");
        PrimeMenu.choose(admin, "grant:role", role);
        PrimeMenu.choose(admin, "grant:kind", "IdPのグループ");
        admin.findElement(By.id("grant:value")).sendKeys(group);
        Chromium.press(admin, "grant:submit");
        wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                role + " を " + group + " に割り当てました。"));
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
