package jp.sapphire.admin;

import static jp.sapphire.it.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.AdminCompany;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.Browser;
import jp.sapphire.it.DeployedUrls;
import jp.sapphire.it.Pages;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tenant admin console as its users and everyone else meet it, through its pages: every admin
 * page refuses the other roles, deactivating a member ends their sessions and tokens at their next
 * request, role bindings are granted and revoked (never the last administrator's), everything is
 * in the privileged activity log, and another tenant's members are out of reach.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    private static final String ADMIN = AdminCompany.ADMIN;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static AdminCompany company() {
        return AdminCompany.create(idp);
    }

    @Test
    void everyAdminPageRefusesEveryOtherRoleAndTheAuditLogSaysWho() {
        AdminCompany company = company();
        List<String> pages = DeployedUrls.of(Path.of(System.getProperty("sapphire.ear"))).stream()
                .map(DeployedUrls.Endpoint::path).filter(path -> path.startsWith("/app/admin/")).distinct().toList();
        assertThat(pages).contains("/app/admin/members.xhtml", "/app/admin/member.xhtml", "/app/admin/roles.xhtml",
                "/app/admin/activity.xhtml", "/app/admin/departments.xhtml", "/app/admin/projects.xhtml",
                "/app/admin/fields.xhtml", "/app/admin/labels.xhtml", "/app/admin/routes.xhtml");

        for (String subject : List.of("yamada", "sato", "suzuki")) {
            Browser browser = signedIn(company.tenant(), subject);
            for (String page : pages) {
                for (String method : List.of("GET", "POST")) {
                    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(Browser.SECURE + page))
                            .method(method, HttpRequest.BodyPublishers.noBody()));
                    assertThat(response.statusCode()).as(subject + " " + method + " " + page).isEqualTo(403);
                    assertThat(response.body()).as(subject + " " + method + " " + page)
                            .contains("このページを表示する権限がありません。");
                }
            }
        }
        Browser admin = signedIn(company.tenant(), "admin");
        for (String page : pages) {
            assertThat(admin.get(Browser.SECURE + page).statusCode()).as(page).isEqualTo(200);
        }
        signedIn(company.tenant(), "yamada");
        Pages.submit(admin, ADMIN + "member.xhtml?id=" + company.members().get("yamada"), "impersonate", "start", Map.of());
        for (String page : pages) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> response = admin.send(HttpRequest.newBuilder(URI.create(Browser.SECURE + page))
                        .method(method, HttpRequest.BodyPublishers.noBody()));
                assertThat(response.statusCode()).as("impersonating: " + method + " " + page).isEqualTo(403);
            }
        }
        assertThat(RemoteFixture.audit(company.tenant()))
                .anyMatch(line -> line.startsWith("ACCESS_REFUSED FAILURE member:") && line.contains("/app/admin/roles.xhtml"));
    }

    @Test
    void aDeactivatedMemberLosesSessionAndTokenAtOnceAndComesBackWhenReactivated() {
        AdminCompany company = company();
        ApiClient yamadaApi = ApiClient.signedIn(idp, company.tenant(), "yamada");
        Browser yamada = signedIn(company.tenant(), "yamada");
        Browser admin = signedIn(company.tenant(), "admin");
        String memberPage = ADMIN + "member.xhtml?id=" + company.members().get("yamada");

        assertThat(admin.get(ADMIN + "members.xhtml?q=YAMA").body()).contains("yamada さん").doesNotContain("member-link\">admin さん");
        HttpResponse<String> done = Pages.submit(admin, memberPage, "status-form", "deactivate", Map.of());
        assertThat(done.body()).contains("yamada さん さんを無効にしました。").contains(">無効<");

        assertThat(yamadaApi.get("/me").statusCode()).isEqualTo(401);
        HttpResponse<String> page = yamada.get(SignInFlow.HOME);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(Browser.location(page)).isEqualTo(Browser.SECURE + "/index.xhtml");
        idp.nextSignIn(company.tenant().issuerId(), "yamada", Map.of("name", "yamada さん"));
        HttpResponse<String> again = SignInFlow.throughIdp(yamada, SignInFlow.start(yamada, company.tenant().slug()));
        assertThat(Browser.location(again)).startsWith(Browser.SECURE + "/signin-error.xhtml");

        String self = ADMIN + "member.xhtml?id=" + company.members().get("admin");
        assertThat(Pages.submit(admin, self, "status-form", "deactivate", Map.of()).body())
                .contains("ご自身のアカウントは無効にできません。");

        assertThat(Pages.submit(admin, memberPage, "status-form", "reactivate", Map.of()).body())
                .contains("yamada さん さんを有効に戻しました。");
        expect(yamadaApi.get("/me"), 200);
        assertThat(signedIn(company.tenant(), "yamada").get(SignInFlow.HOME).statusCode()).isEqualTo(200);

        String activity = admin.get(ADMIN + "activity.xhtml").body();
        assertThat(activity).contains("利用者を無効化").contains("利用者を有効化").contains("yamada さん (yamada)")
                .contains(">active<").contains(">inactive<").contains("admin さん");
        assertThat(RemoteFixture.audit(company.tenant())).anyMatch(line -> line.startsWith("PRIVILEGED_CHANGE SUCCESS")
                && line.contains("MEMBER_DEACTIVATED yamada さん (yamada): active -> inactive"));
        HttpResponse<String> csv = Pages.submit(admin, ADMIN + "activity.xhtml", "export", "csv", Map.of());
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF\"日時 (Asia/Tokyo)\",\"操作者\",\"操作\",\"対象\",\"変更前\",\"変更後\"\r\n")
                .contains("\"admin さん\",\"MEMBER_DEACTIVATED\",\"yamada さん (yamada)\",\"active\",\"inactive\"");
    }

    @Test
    void roleBindingsAreGrantedAndRevokedButTheLastAdministratorStays() {
        AdminCompany company = company();
        Browser admin = signedIn(company.tenant(), "admin");
        String roles = ADMIN + "roles.xhtml";

        HttpResponse<String> blank = Pages.submit(admin, roles, "grant", "submit",
                Map.of("role", "APPROVER", "kind", "GROUP", "value", " "));
        assertThat(blank.body()).contains("割り当て先 (IdPのユーザーIDまたはグループ名) を1〜255文字で入力してください。");
        HttpResponse<String> granted = Pages.submit(admin, roles, "grant", "submit",
                Map.of("role", "APPROVER", "kind", "GROUP", "value", "keiri-group"));
        assertThat(granted.body()).contains("承認者 を keiri-group に割り当てました。");
        assertThat(Pages.submit(admin, roles, "grant", "submit",
                Map.of("role", "APPROVER", "kind", "GROUP", "value", "keiri-group")).body()).contains("同じ割り当てがすでにあります。");

        String adminBinding = optionValue(admin.get(roles).body(), "テナント管理者 → IdPのユーザー admin");
        assertThat(Pages.submit(admin, roles, "revoke", "submit", Map.of("binding", adminBinding)).body())
                .contains("最後のテナント管理者の割り当ては削除できません。");
        String groupBinding = optionValue(admin.get(roles).body(), "承認者 → IdPのグループ keiri-group");
        assertThat(Pages.submit(admin, roles, "revoke", "submit", Map.of("binding", groupBinding)).body())
                .contains("割り当てを外しました。").doesNotContain("keiri-group");

        String activity = admin.get(ADMIN + "activity.xhtml").body();
        assertThat(activity).contains("ロールを割り当て").contains("ロールの割り当てを解除").contains("GROUP keiri-group");
        assertThat(RemoteFixture.audit(company.tenant())).anyMatch(line -> line.startsWith("ROLE_BINDING_REVOKED FAILURE")
                && line.contains("the last TENANT_ADMIN binding"));
    }

    @Test
    void aGrantOrARevocationCountsFromTheMembersNextRequestNotTheirNextSignIn() {
        AdminCompany company = company();
        Browser admin = signedIn(company.tenant(), "admin");
        Browser yamada = signedIn(company.tenant(), "yamada");
        String roles = ADMIN + "roles.xhtml";
        assertThat(yamada.get(ADMIN + "members.xhtml").statusCode()).isEqualTo(403);

        Pages.submit(admin, roles, "grant", "submit", Map.of("role", "TENANT_ADMIN", "kind", "SUBJECT", "value", "yamada"));
        HttpResponse<String> now = yamada.get(ADMIN + "members.xhtml");
        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.body()).contains("id=\"nav-admin\"");

        String binding = optionValue(admin.get(roles).body(), "テナント管理者 → IdPのユーザー yamada");
        assertThat(Pages.submit(admin, roles, "revoke", "submit", Map.of("binding", binding)).body()).contains("割り当てを外しました。");
        assertThat(yamada.get(ADMIN + "members.xhtml").statusCode()).isEqualTo(403);
        assertThat(yamada.get(SignInFlow.HOME).body()).doesNotContain("id=\"nav-admin\"");
    }

    @Test
    void anAdministratorActsAsAnEmployeeWithBothNamesEverywhereAndWithinLimits() throws Exception {
        AdminCompany company = company();
        signedIn(company.tenant(), "yamada");
        Browser admin = signedIn(company.tenant(), "admin");
        String yamadaPage = ADMIN + "member.xhtml?id=" + company.members().get("yamada");

        HttpResponse<String> started = Pages.submit(admin, yamadaPage, "impersonate", "start", Map.of());
        assertThat(Browser.location(started)).isEqualTo(SignInFlow.HOME);
        String home = admin.get(SignInFlow.HOME).body();
        assertThat(home).contains("id=\"impersonation-banner\"").contains("admin さん さんが yamada さん さんとしてなりかわりログイン中です")
                .contains("<span id=\"header-member\">yamada さん</span>");

        HttpResponse<String> created = Pages.submit(admin, Browser.SECURE + "/app/reports/edit.xhtml", "report", "save",
                Map.of("title", "なりかわりで作った下書き"));
        assertThat(created.statusCode()).isIn(200, 302);
        assertThat(Superuser.column("SELECT impersonator FROM action_log WHERE tenant_id = ? AND action = 'CREATED'",
                company.tenant().id())).singleElement().asString().startsWith("admin さん (");
        assertThat(admin.get(ADMIN + "members.xhtml").statusCode()).as("no admin console while impersonating").isEqualTo(403);
        assertThat(Pages.submit(admin, Browser.SECURE + "/app/tokens.xhtml", "create", "submit",
                Map.of("name", "なりかわりのトークン", "days", "1")).body()).contains("なりかわり中はAPIトークンを作成できません。");
        String tomorrow = java.time.LocalDate.ofInstant(ServerClock.now(), java.time.ZoneId.of("Asia/Tokyo")).plusDays(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        assertThat(Pages.submit(admin, Browser.SECURE + "/app/delegations.xhtml", "delegate", "save",
                Map.of("deputyId_input", company.members().get("admin").toString(), "validFrom_input", tomorrow,
                        "validTo_input", tomorrow)).body())
                .as("the administrator cannot make themself the deputy of the member they act as")
                .contains("なりかわり中は代理承認を設定・解除できません。");
        assertThat(Superuser.column("SELECT count(*)::text FROM approval_delegation WHERE tenant_id = ?", company.tenant().id()))
                .containsExactly("0");

        HttpResponse<String> ended = Pages.submit(admin, SignInFlow.HOME, "impersonation", "end", Map.of());
        assertThat(Browser.location(ended)).isEqualTo(ADMIN + "members.xhtml");
        assertThat(admin.get(ADMIN + "members.xhtml").body()).doesNotContain("impersonation-banner")
                .contains("<span id=\"header-member\">admin さん</span>");

        String adminPage = ADMIN + "member.xhtml?id=" + company.members().get("admin");
        assertThat(Pages.submit(admin, adminPage, "impersonate", "start", Map.of()).body()).contains("ご自身にはなりかわれません。");

        Pages.submit(admin, yamadaPage, "impersonate", "start", Map.of());
        assertThat(admin.get(SignInFlow.HOME).body()).contains("impersonation-banner");
        // An impersonation lasts 30 minutes (sapphire.impersonation.max); the session is never idle that long here.
        ServerClock.move(Duration.ofMinutes(20));
        assertThat(admin.get(SignInFlow.HOME).body()).as("20 minutes in").contains("impersonation-banner");
        ServerClock.move(Duration.ofMinutes(10).plusSeconds(1));
        String after = admin.get(SignInFlow.HOME).body();
        assertThat(after).as("the impersonation ran out").doesNotContain("impersonation-banner")
                .contains("<span id=\"header-member\">admin さん</span>");

        String activity = admin.get(ADMIN + "activity.xhtml").body();
        assertThat(activity).contains("なりかわり開始").contains("なりかわり終了").contains("ended by the administrator")
                .contains("time is up").contains("yamada さん (yamada)");
        assertThat(RemoteFixture.audit(company.tenant())).anyMatch(line -> line.startsWith("IMPERSONATION_STARTED SUCCESS"))
                .anyMatch(line -> line.startsWith("TOKEN_CREATED FAILURE") && line.contains("impersonated-by member:"))
                .anyMatch(line -> line.startsWith("DELEGATION_CREATED FAILURE") && line.contains("refused while impersonating"));
    }

    @Test
    void aTenantAdministratorCannotBeImpersonated() {
        AdminCompany company = company();
        signedIn(company.tenant(), "yamada");
        // Bound after yamada's last sign-in: the bindings as they are now decide, not the roles of then.
        RemoteFixture.bind(company.tenant(), "TENANT_ADMIN:SUBJECT:yamada");
        Browser admin = signedIn(company.tenant(), "admin");
        String yamadaPage = ADMIN + "member.xhtml?id=" + company.members().get("yamada");
        assertThat(Pages.submit(admin, yamadaPage, "impersonate", "start", Map.of()).body())
                .contains("テナント管理者にはなりかわれません。");
        assertThat(admin.get(SignInFlow.HOME).body()).doesNotContain("impersonation-banner");
    }

    @Test
    void theIdpSettingsAreTestedAndSavedWithTheSecretNeverShownNorLost() {
        AdminCompany company = company();
        Browser admin = signedIn(company.tenant(), "admin");
        String idpPage = ADMIN + "idp.xhtml";
        String issuer = idp(company);

        String page = admin.get(idpPage).body();
        assertThat(page).contains("value=\"" + issuer + "\"").contains("保存済み・表示しません").doesNotContain("secret-");
        Map<String, String> fields = Map.of("issuer", issuer, "clientId", RemoteFixture.CLIENT_ID, "clientSecret", "",
                "scopes", "openid profile email", "groupsClaim", "groups", "emailClaim", "email", "nameClaim", "name",
                "mfaAmr", "", "mfaAcr", "");

        String tested = Pages.submit(admin, idpPage, "idp", "test", fields).body();
        assertThat(tested).contains("成功: 探索文書と署名鍵を取得できました。").contains(issuer);
        assertThat(Pages.text(tested, "test-keys")).get().asString().contains("RSA");
        Map<String, String> unreachable = new java.util.HashMap<>(fields);
        unreachable.put("issuer", "https://localhost:1/nowhere");
        assertThat(Pages.submit(admin, idpPage, "idp", "test", unreachable).body()).contains("失敗:")
                .contains("この発行者 (Issuer) の探索文書").as("no detail of the network")
                .doesNotContain("Connection refused").doesNotContain("localhost:1/nowhere/.well-known");

        Map<String, String> otherIssuer = new java.util.HashMap<>(fields);
        otherIssuer.put("issuer", idp.issuer("another-" + UUID.randomUUID()));
        assertThat(Pages.submit(admin, idpPage, "idp", "save", otherIssuer).body())
                .as("the stored secret is not sent to another issuer")
                .contains("発行者 (issuer) を変えるときは、新しい発行者のクライアントシークレットも入力してください。");
        assertThat(admin.get(idpPage).body()).contains("value=\"" + issuer + "\"");

        Map<String, String> plainHttp = new java.util.HashMap<>(fields);
        plainHttp.put("issuer", "http://idp.example.com/");
        plainHttp.put("clientSecret", "the-new-issuers-secret");
        assertThat(Pages.submit(admin, idpPage, "idp", "save", plainHttp).body())
                .contains("発行者 (issuer) は https:// で始まるURLにしてください。");
        assertThat(admin.get(idpPage).body()).contains("value=\"" + issuer + "\"");

        Map<String, String> withMfa = new java.util.HashMap<>(fields);
        withMfa.put("mfaAmr", "mfa, otp");
        assertThat(Pages.submit(admin, idpPage, "idp", "save", withMfa).body()).contains("IdP設定を保存しました。")
                .contains("value=\"mfa,otp\"");
        assertThat(signedIn(company.tenant(), "yamada").get(SignInFlow.HOME).statusCode())
                .as("the stored client secret still signs members in").isEqualTo(200);
        assertThat(admin.get(ADMIN + "activity.xhtml").statusCode())
                .as("signed in without MFA, the administrator loses the role at the next request").isEqualTo(403);

        idp.nextSignIn(company.tenant().issuerId(), "admin", Map.of("name", "admin さん", "amr", List.of("otp")));
        Browser mfaAdmin = new Browser();
        SignInFlow.signIn(mfaAdmin, company.tenant().slug());
        assertThat(mfaAdmin.get(ADMIN + "activity.xhtml").body()).contains("IdP設定を変更").contains("mfa amr=[mfa, otp]")
                .doesNotContain("client secret replaced");
    }

    @Test
    void categoriesGoOutAndComeInAsCsvInUtf8AndShiftJisAllOrNothing() {
        AdminCompany company = company();
        Browser admin = signedIn(company.tenant(), "admin");
        String page = ADMIN + "categories.xhtml";

        HttpResponse<String> utf8 = Pages.submit(admin, page, "export", "utf8", Map.of());
        assertThat(utf8.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(utf8.body()).startsWith("\uFEFF\"コード\",\"名称\",\"種類\",\"既定の税区分\",\"有効\"\r\n")
                .contains("\"7410\",\"消耗品費\"");

        byte[] sjis = ("コード,名称,種類,既定の税区分,有効\r\n7310,会議費,GENERAL,STANDARD_10,true\r\n"
                + "7410,消耗品費 (事務用品),GENERAL,STANDARD_10,true\r\n7900,\"=cmd|' /C calc'!A0\",GENERAL,EXEMPT,false\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-31j"));
        assertThat(Pages.upload(admin, page, "upload", "submit", Map.of("encoding", "UTF-8"), "file", "sjis.csv", sjis).body())
                .contains("ファイルをUTF-8として読めません。");
        assertThat(Pages.upload(admin, page, "upload", "submit", Map.of("encoding", "Shift_JIS"), "file", "sjis.csv", sjis).body())
                .contains("取り込みました: 追加 1件、変更 2件。").contains("会議費").contains("消耗品費 (事務用品)");

        byte[] bad = ("code,name,kind,taxClass,active\n7311,接待交際費,ENTERTAINMENT,STANDARD_10,true\n"
                + "7312,,GENERAL,STANDARD_10,true\n7313,通信費,GENERAL,TAX_FREE,yes\n7311,接待交際費,GENERAL,STANDARD_10,true\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String rejected = Pages.upload(admin, page, "upload", "submit", Map.of("encoding", "UTF-8"), "file", "bad.csv", bad).body();
        assertThat(rejected).contains("取り込みませんでした。").contains("3行目: 名称を1〜100文字で入力してください。")
                .contains("4行目: 既定の税区分「TAX_FREE」は").contains("4行目: 有効「yes」は true か false にしてください。")
                .contains("5行目: コード「7311」がファイル内で重複しています。").doesNotContain("接待交際費</td>").doesNotContain("通信費</td>");

        assertThat(Pages.submit(admin, page, "export", "sjis", Map.of()).headers().firstValue("Content-Type")).get()
                .asString().contains("Shift_JIS");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("勘定科目をCSVで取り込み").contains("1 added, 2 changed");
        assertThat(utf8Export(admin, page)).contains("\"'=cmd|' /C calc'!A0\"");
    }

    @Test
    void anEnglishAdministratorsExportHasAnEnglishHeaderThatImportsForAnyAdministrator() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "TENANT_ADMIN:SUBJECT:smith", "EMPLOYEE:SUBJECT:smith", "TENANT_ADMIN:SUBJECT:admin", "EMPLOYEE:SUBJECT:admin");
        RemoteFixture.organise(idp, tenant, """
                department 100 本社 - -
                member smith 100 Europe/London en
                member admin 100
                """);
        String page = ADMIN + "categories.xhtml";
        Browser smith = signedIn(tenant, "smith");
        String english = utf8Export(smith, page);
        assertThat(english).startsWith("\uFEFF\"Code\",\"Name\",\"Kind\",\"Default tax class\",\"Active\"\r\n")
                .contains("\"7410\",\"消耗品費\"");
        byte[] file = english.replace("\"7410\",\"消耗品費\"", "\"7410\",\"消耗品費 (英語のファイル)\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Pages.upload(smith, page, "upload", "submit", Map.of("encoding", "UTF-8"), "file", "en.csv", file).body())
                .contains("Imported: 0 added, 1 changed.");

        Browser admin = signedIn(tenant, "admin");
        byte[] again = english.replace("\"7410\",\"消耗品費\"", "\"7410\",\"消耗品費 (再取込)\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Pages.upload(admin, page, "upload", "submit", Map.of("encoding", "UTF-8"), "file", "en.csv", again).body())
                .as("a Japanese administrator imports the English file").contains("取り込みました: 追加 0件、変更 1件。");
        assertThat(utf8Export(admin, page)).startsWith("\uFEFF\"コード\",\"名称\"").contains("消耗品費 (再取込)");
    }

    /** The UTF-8 export as text. */
    private static String utf8Export(Browser admin, String page) {
        return Pages.submit(admin, page, "export", "utf8", Map.of()).body();
    }

    private static String idp(AdminCompany company) {
        return idp.issuer(company.tenant().issuerId());
    }

    @Test
    void anotherTenantsAdministratorCannotSeeOrChangeOurMembers() {
        AdminCompany ours = company();
        AdminCompany theirs = company();
        ApiClient yamadaApi = ApiClient.signedIn(idp, ours.tenant(), "yamada");
        Browser stranger = signedIn(theirs.tenant(), "admin");
        String ourMember = ADMIN + "member.xhtml?id=" + ours.members().get("yamada");

        assertThat(stranger.get(ourMember).body()).contains("その利用者は見つかりません。");
        assertThat(stranger.get(ADMIN + "members.xhtml?q=").body()).doesNotContain(ours.members().get("yamada").toString());
        expect(yamadaApi.get("/me"), 200);
    }

    private static Browser signedIn(RemoteTenant tenant, String subject) {
        return SignInFlow.signedIn(idp, tenant, subject);
    }

    private static String optionValue(String page, String label) {
        return AdminCompany.optionValue(page, label);
    }
}
