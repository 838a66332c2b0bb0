package jp.sapphire.admin;

import static jp.sapphire.it.AdminCompany.ADMIN;
import static jp.sapphire.it.AdminCompany.optionValue;
import static jp.sapphire.it.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sapphire.it.AdminCompany;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.IdTokens;
import jp.sapphire.it.Pages;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.TestSmtp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tenant admin console configuring a tenant, through its pages: departments and projects as
 * CSV, members registered ahead and edited, custom fields and labels, approval routes with their
 * preview, and API tokens losing a revoked role at once; another tenant sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConfigurationIT {

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    @RegisterExtension
    final TestSmtp smtp = new TestSmtp();

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final Charset SJIS = Charset.forName("windows-31j");

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void departmentsComeInAsCsvWithTheirHierarchyAndManagersAllOrNothing() {
        AdminCompany company = AdminCompany.create(idp);
        signedIn(company.tenant(), "sato");
        Browser admin = signedIn(company.tenant(), "admin");
        String page = ADMIN + "departments.xhtml";

        byte[] bad = ("code,name,parent,manager\n200,営業本部,,sato\n210,東京営業部,200,nobody\n220,大阪営業部,999,\n"
                + "230,名古屋営業部,240,\n240,中部支社,230,\n200,営業本部,,\n").getBytes(StandardCharsets.UTF_8);
        String rejected = upload(admin, page, "UTF-8", bad);
        assertThat(rejected).contains("取り込みませんでした。")
                .contains("3行目: 所属長「nobody」に当たる利用者がいません")
                .contains("4行目: 上位部門コード「999」の部門が、ファイルにも登録済みの部門にもありません。")
                .contains("5行目: 上位部門をたどると部門「230」自身に戻ります。")
                .contains("6行目: 上位部門をたどると部門「240」自身に戻ります。")
                .contains("7行目: コード「200」がファイル内で重複しています。");
        assertThat(Superuser.column("SELECT code FROM department WHERE tenant_id = ? ORDER BY code", company.tenant().id()))
                .containsExactly("100");

        byte[] good = ("コード,名称,上位部門コード,所属長\r\n210,東京営業部,200,YAMADA@example.com\r\n200,営業本部,100,sato\r\n"
                + "100,本社 (改),,admin\r\n").getBytes(SJIS);
        String imported = upload(admin, page, "Shift_JIS", good);
        assertThat(imported).contains("取り込みました: 追加 2件、変更 1件。").contains("東京営業部").contains("本社 (改)");
        assertThat(Superuser.column("SELECT d.code || ':' || coalesce(p.code, '-') || ':' || coalesce(m.display_name, '-')"
                + " FROM department d LEFT JOIN department p ON p.id = d.parent_id LEFT JOIN member m ON m.id = d.manager_id"
                + " WHERE d.tenant_id = ? ORDER BY d.code", company.tenant().id()))
                .containsExactly("100:-:admin さん", "200:100:sato さん", "210:200:yamada さん");

        String yamadaPage = admin.get(ADMIN + "member.xhtml?id=" + company.members().get("yamada")).body();
        assertThat(Pages.text(yamadaPage, "manager")).contains("admin さん");
        assertThat(admin.get(ADMIN + "members.xhtml?q=yamada").body()).contains("100 本社 (改)");

        byte[] loop = "code,name,parent,manager\n100,本社,210,\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(admin, page, "UTF-8", loop)).contains("2行目: 上位部門をたどると部門「100」自身に戻ります。");

        String export = Pages.submit(admin, page, "export", "utf8", Map.of()).body();
        assertThat(export).startsWith("\uFEFF\"コード\",\"名称\",\"上位部門コード\",\"所属長\"\r\n")
                .contains("\"200\",\"営業本部\",\"100\",\"sato\"\r\n").contains("\"100\",\"本社 (改)\",\"\",\"admin\"\r\n");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("部門をCSVで取り込み").contains("2 added, 1 changed");
    }

    @Test
    void projectsAreAMasterAReportIsChargedToAndFormulaCellsStayText() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = signedIn(company.tenant(), "admin");
        String page = ADMIN + "projects.xhtml";
        byte[] csv = ("code,name,costCentre,active\nPJ-001,基幹システム刷新,CC100,true\nPJ-002,\"=cmd|' /C calc'!A0\",,true\n"
                + "PJ-OLD,終了案件,CC900,false\nPJ 3,空白入り,CC 1,maybe\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(admin, page, "UTF-8", csv)).contains("5行目: コードは1〜20文字の英数字")
                .contains("5行目: 原価センター「CC 1」は20文字以内").contains("5行目: 有効「maybe」は true か false");
        assertThat(Superuser.column("SELECT code FROM project WHERE tenant_id = ?", company.tenant().id())).isEmpty();

        byte[] good = new String(csv, StandardCharsets.UTF_8).replace("PJ 3,空白入り,CC 1,maybe\n", "")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(upload(admin, page, "UTF-8", good)).contains("取り込みました: 追加 3件、変更 0件。");
        assertThat(Pages.submit(admin, page, "export", "sjis", Map.of()).headers().firstValue("Content-Type")).get()
                .asString().contains("Shift_JIS");
        String export = Pages.submit(admin, page, "export", "utf8", Map.of()).body();
        assertThat(export).contains("\"PJ-002\",\"'=cmd|' /C calc'!A0\",\"\",\"true\"").contains("\"PJ-001\",\"基幹システム刷新\",\"CC100\",\"true\"");
        assertThat(upload(admin, page, "UTF-8", export.getBytes(StandardCharsets.UTF_8)))
                .as("an export comes back in unchanged").contains("取り込みました: 追加 0件、変更 0件。");

        ApiClient yamada = ApiClient.signedIn(idp, company.tenant(), "yamada");
        Map<String, Object> report = expect(yamada.post("/reports", "{\"title\": \"刷新 打合せ\", \"projectCode\": \"PJ-001\"}"), 201);
        assertThat(report.get("projectCode")).isEqualTo("PJ-001");
        Map<String, Object> refused = expect(yamada.post("/reports", "{\"title\": \"終了案件\", \"projectCode\": \"PJ-OLD\"}"), 422);
        assertThat(refused.toString()).contains("projectCode").contains("プロジェクト「PJ-OLD」は登録されていないか、使用を終えています。");
        Browser yamadaBrowser = signedIn(company.tenant(), "yamada");
        String edit = yamadaBrowser.get(Browser.SECURE + "/app/reports/edit.xhtml?id=" + report.get("id")).body();
        assertThat(edit).contains("プロジェクト・原価センター").contains("PJ-001 基幹システム刷新").doesNotContain("PJ-OLD");
    }

    @Test
    void membersAreRegisteredAheadEditedAndLinkedAtTheirFirstSignIn() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = signedIn(company.tenant(), "admin");
        String members = ADMIN + "members.xhtml";

        String invalid = Pages.submit(admin, members, "register", "submit",
                Map.of("displayName", "田中 花子", "subject", "", "email", "tanaka@")).body();
        assertThat(invalid).contains("メールアドレスの形式が正しくありません");
        assertThat(Pages.submit(admin, members, "register", "submit", Map.of("displayName", "", "subject", "", "email", "")).body())
                .contains("名前を1〜200文字で入力してください。").contains("IdPのユーザーIDかメールアドレスのどちらかを入力してください。");
        assertThat(Pages.submit(admin, members, "register", "submit",
                Map.of("displayName", "山田 重複", "subject", "yamada", "email", "")).body())
                .contains("このIdPのユーザーIDの利用者はすでにいます。");
        assertThat(Superuser.column("SELECT display_name FROM member WHERE tenant_id = ? AND display_name LIKE '田中%'",
                company.tenant().id())).isEmpty();

        HttpResponse<String> registered = Pages.submit(admin, members, "register", "submit",
                Map.of("displayName", "田中 花子", "subject", "", "email", "Tanaka@Corp.example"));
        assertThat(registered.statusCode()).isEqualTo(302);
        String memberPage = Browser.location(registered);
        assertThat(admin.get(memberPage).body()).contains("田中 花子 さんを登録しました。").contains("Tanaka@Corp.example");
        assertThat(admin.get(members + "?q=tanaka").body()).contains("田中 花子").contains("(未サインイン)");
        assertThat(Pages.submit(admin, members, "register", "submit",
                Map.of("displayName", "田中 二重", "subject", "", "email", "tanaka@corp.example")).body())
                .contains("このメールアドレスの利用者はすでにいます。");

        String department = optionValue(admin.get(memberPage).body(), "100 本社");
        String saved = Pages.submit(admin, memberPage, "profile", "save",
                Map.of("department", department, "zone", "America/New_York", "language", "en")).body();
        assertThat(saved).contains("田中 花子 さんの設定を保存しました。").contains("<option value=\"America/New_York\" selected");
        String bogus = Pages.submit(admin, memberPage, "profile", "save",
                Map.of("department", department, "zone", "Mars/Olympus", "language", "en")).body();
        assertThat(bogus).doesNotContain("さんの設定を保存しました。");

        RemoteFixture.bind(company.tenant(), "EMPLOYEE:SUBJECT:tanaka-idp");
        RemoteFixture.bind(company.tenant(), "EMPLOYEE:SUBJECT:mallory");
        idp.nextSignIn(company.tenant().issuerId(), "mallory", Map.of("name", "悪意 のある人", "email", "tanaka@corp.example"));
        SignInFlow.signIn(new Browser(), company.tenant().slug());
        assertThat(Superuser.column("SELECT coalesce(subject, '-') FROM member WHERE tenant_id = ? AND display_name = '田中 花子'",
                company.tenant().id())).as("an address the IdP did not verify links nobody").containsExactly("-");

        idp.nextSignIn(company.tenant().issuerId(), "tanaka-idp",
                Map.of("name", "田中 花子", "email", "tanaka@corp.example", "email_verified", true));
        String home = SignInFlow.signIn(new Browser(), company.tenant().slug());
        assertThat(home).contains("田中 花子");
        String memberId = Browser.query(memberPage).get("id");
        assertThat(Superuser.column("SELECT subject || ' ' || time_zone || ' ' || locale FROM member WHERE id = ?::uuid", memberId))
                .containsExactly("tanaka-idp America/New_York en");
        assertThat(Superuser.column("SELECT count(*)::text FROM member WHERE tenant_id = ? AND display_name = '田中 花子'",
                company.tenant().id())).containsExactly("1");

        String activity = admin.get(ADMIN + "activity.xhtml").body();
        assertThat(activity).contains("利用者を事前登録").contains("利用者の設定を変更")
                .contains("department=-, zone=Asia/Tokyo, language=ja").contains("department=100 本社, zone=America/New_York, language=en");
    }

    @Test
    void customFieldsAndLabelsAreDefinedAndChangedWithTheirKeysKept() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = signedIn(company.tenant(), "admin");
        String fields = ADMIN + "fields.xhtml";
        String category = optionValue(admin.get(fields).body(), "7210 交際費");

        Map<String, String> field = new HashMap<>(Map.of("key", "Attendees Count", "name", "参加人数", "type", "CHOICE",
                "choices", "", "category", category));
        String refused = Pages.submit(admin, fields, "field", "save", field).body();
        assertThat(refused).contains("キーは英小文字・数字で始まる").contains("値を1行に1つ以上入力してください。");
        field.putAll(Map.of("key", "client", "type", "TEXT"));
        assertThat(Pages.submit(admin, fields, "field", "save", field).body()).contains("キー「client」はすでに使われています。");

        field.putAll(Map.of("key", "seats", "type", "CHOICE", "choices", "1〜2名\r\n3〜5名\r\n6名以上", "required", "true"));
        assertThat(Pages.submit(admin, fields, "field", "save", field).body()).contains("入力項目「参加人数」を保存しました。")
                .contains("1〜2名 / 3〜5名 / 6名以上").contains("7210 交際費");
        String fieldId = Superuser.column("SELECT id::text FROM custom_field WHERE tenant_id = ? AND field_key = 'seats'",
                company.tenant().id()).get(0);
        String edit = fields + "?id=" + fieldId;
        assertThat(admin.get(edit).body()).contains("入力項目を変更").contains("value=\"参加人数\"");
        Map<String, String> change = new HashMap<>(field);
        change.remove("key");
        change.put("name", "参加者数");
        assertThat(Pages.submit(admin, edit, "field", "save", change).body()).contains("入力項目「参加者数」を保存しました。");
        assertThat(Superuser.column("SELECT field_key || ' ' || name FROM custom_field WHERE id = ?::uuid", fieldId))
                .containsExactly("seats 参加者数");

        String labels = ADMIN + "labels.xhtml";
        assertThat(Pages.submit(admin, labels, "label", "save",
                Map.of("key", "cost-type", "name", "費用区分", "allowedValues", "直接費\n間接費\n直接費")).body())
                .contains("値はそれぞれ100文字以内で、重複しないようにしてください");
        assertThat(Pages.submit(admin, labels, "label", "save",
                Map.of("key", "cost-type", "name", "費用区分", "allowedValues", "直接費\n間接費")).body())
                .contains("ラベル「費用区分」を保存しました。").contains("直接費 / 間接費");

        ApiClient yamada = ApiClient.signedIn(idp, company.tenant(), "yamada");
        expect(yamada.post("/reports", "{\"title\": \"区分つき\", \"labels\": {\"cost-type\": \"間接費\"}}"), 201);
        expect(yamada.post("/reports", "{\"title\": \"区分違い\", \"labels\": {\"cost-type\": \"販管費\"}}"), 422);

        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("入力項目を追加").contains("入力項目を変更")
                .contains("ラベルを追加").contains("参加人数, CHOICE, required").contains("参加者数, CHOICE, required");
    }

    @Test
    void anApprovalRouteIsEditedWithEffectiveDatesAndPreviewedBeforeAReportTakesIt() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = signedIn(company.tenant(), "admin");
        upload(admin, ADMIN + "departments.xhtml", "UTF-8",
                "code,name,parent,manager\n100,本社,,admin\n".getBytes(StandardCharsets.UTF_8));
        String routes = ADMIN + "routes.xhtml";

        Map<String, String> route = new HashMap<>(Map.of("name", "本社ルート", "priority", "10", "validFrom", "2026-01-01",
                "validTo", "2025-12-31", "steps:0:name", "所属長承認", "steps:0:kind", "MANAGER", "steps:0:levels", "0"));
        String refused = Pages.submit(admin, routes, "route", "save", route).body();
        assertThat(refused).contains("適用終了日は適用開始日以降にしてください。").contains("所属長は1〜10階層上で指定してください。");

        // Two steps more on the form, the first left blank (not sent), the second moved up and back down.
        route.putAll(Map.of("validTo", "", "steps:0:levels", "1"));
        String twoRows = Pages.postBack(admin, routes, refused, "route", "addStep", route).body();
        String threeRows = Pages.postBack(admin, routes, twoRows, "route", "addStep", route).body();
        assertThat(threeRows).contains("route:steps:2:name").doesNotContain("route:steps:3:name");
        route.putAll(Map.of("steps:2:name", "経理確認", "steps:2:kind", "ROLE", "steps:2:role", "ACCOUNTING",
                "steps:2:minTotal", "50,000"));
        String movedUp = Pages.postBack(admin, routes, threeRows, "route", "steps:2:up", route).body();
        assertThat(movedUp.indexOf("value=\"経理確認\"")).as("moved up a row")
                .isBetween(movedUp.indexOf("route:steps:1:name"), movedUp.indexOf("route:steps:2:name"));
        Map<String, String> asMoved = new HashMap<>(route);
        List.of("name", "kind", "role", "minTotal").forEach(field -> {
            asMoved.put("steps:1:" + field, route.get("steps:2:" + field));
            asMoved.remove("steps:2:" + field);
        });
        String movedBack = Pages.postBack(admin, routes, movedUp, "route", "steps:1:down", asMoved).body();
        assertThat(Pages.postBack(admin, routes, movedBack, "route", "save", route).body())
                .contains("承認ルート「本社ルート」を保存しました。").contains("所属長承認 → 経理確認");

        String yamada = optionValue(admin.get(routes).body(), "yamada さん");
        Map<String, String> sample = new HashMap<>(Map.of("applicant", yamada, "total", "10000", "day", "2026-06-01"));
        String small = preview(admin, routes, sample);
        assertThat(Pages.words(small)).contains("使われるルート: 本社ルート").contains(" 1 所属長承認 admin さん ")
                .doesNotContain("経理確認");
        sample.put("total", "60000");
        assertThat(Pages.words(preview(admin, routes, sample))).contains(" 2 経理確認 次のロールを持つ人: 経理");
        sample.put("day", "2025-06-01");
        assertThat(preview(admin, routes, sample)).as("before the route is in effect").contains("使われるルート: 既定ルート");
        sample.put("applicant", optionValue(admin.get(routes).body(), "admin さん"));
        sample.put("day", "2026-06-01");
        assertThat(Pages.submit(admin, routes, "preview", "run", sample).body()).as("nobody above the manager")
                .contains("承認ステップ「所属長承認」の承認者 (所属長) が見つかりません。");

        String routeId = Superuser.column("SELECT id::text FROM approval_route WHERE tenant_id = ? AND name = '本社ルート'",
                company.tenant().id()).get(0);
        String edit = routes + "?id=" + routeId;
        String editing = admin.get(edit).body();
        assertThat(editing).contains("承認ルートを変更").contains("value=\"本社ルート\"").contains("value=\"経理確認\"");
        Map<String, String> changed = new HashMap<>(route);
        changed.remove("steps:2:name");
        changed.remove("steps:2:kind");
        changed.remove("steps:2:role");
        changed.remove("steps:2:minTotal");
        changed.putAll(Map.of("steps:1:name", "経理確認", "steps:1:kind", "ROLE", "steps:1:role", "ACCOUNTING",
                "steps:1:minTotal", "50000", "validFrom", "2020-01-01"));
        assertThat(Pages.submit(admin, edit, "route", "save", changed).body()).contains("承認ルート「本社ルート」を保存しました。");

        ApiClient applicant = ApiClient.signedIn(idp, company.tenant(), "yamada");
        String report = ApiReports.submitted(company.tenant(), applicant, "本社ルートの申請", 1200);
        assertThat(Superuser.column("SELECT route_name || ' ' || name FROM report_approval_step WHERE report_id = ?::uuid",
                report)).containsExactly("本社ルート 所属長承認");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("承認ルートを追加").contains("承認ルートを変更")
                .contains("priority 10, 2026-01-01 ..").contains("priority 10, 2020-01-01 ..");
    }

    @Test
    void anApiTokenStopsAtOnceWhenARoleItCarriesIsRevoked() {
        AdminCompany company = AdminCompany.create(idp);
        RemoteFixture.bind(company.tenant(), "APPROVER:GROUP:keiri");
        idp.nextSignIn(company.tenant().issuerId(), "yamada", Map.of("name", "yamada さん", "groups", List.of("keiri")));
        Browser yamadaBrowser = new Browser();
        SignInFlow.signIn(yamadaBrowser, company.tenant().slug());
        String token = Pages.text(Pages.submit(yamadaBrowser, Browser.SECURE + "/app/tokens.xhtml", "create", "submit",
                Map.of("name", "承認用", "days", "1")).body(), "issued-token").orElseThrow();
        ApiClient sato = ApiClient.signedIn(idp, company.tenant(), "sato");
        ApiClient suzuki = ApiClient.signedIn(idp, company.tenant(), "suzuki");
        HttpResponse<String> before = new Browser().get(ApiClient.API + "/approvals", "Bearer " + token);
        assertThat(before.statusCode()).isEqualTo(200);
        expect(sato.get("/approvals"), 200);

        Browser admin = signedIn(company.tenant(), "admin");
        String roles = ADMIN + "roles.xhtml";
        String group = optionValue(admin.get(roles).body(), "承認者 → IdPのグループ keiri");
        assertThat(Pages.submit(admin, roles, "revoke", "submit", Map.of("binding", group)).body()).contains("割り当てを外しました。");
        String satoApprover = optionValue(admin.get(roles).body(), "承認者 → IdPのユーザー sato");
        Pages.submit(admin, roles, "revoke", "submit", Map.of("binding", satoApprover));

        assertThat(new Browser().get(ApiClient.API + "/me", "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(sato.get("/me").statusCode()).isEqualTo(401);
        expect(suzuki.get("/me"), 200);
        assertThat(RemoteFixture.audit(company.tenant())).anyMatch(line -> line.startsWith("ACCESS_REFUSED FAILURE")
                && line.contains("a role of it revoked"));
    }

    @Test
    void theContractEndsWithARequestToDeleteAllDataAfterAFreshSignInToldToEveryAdministratorAndWithdrawable() {
        AdminCompany company = AdminCompany.create(idp);
        String slug = company.tenant().slug();
        ServerClock.freezeNow();
        Browser admin = signedIn(company.tenant(), "admin");
        String page = ADMIN + "contract.xhtml";
        assertThat(Pages.submit(admin, page, "deletion", "submit", Map.of("confirmation", "demo")).body())
                .contains("テナントID「" + slug + "」を正しく入力してください。");

        ServerClock.move(Duration.ofMinutes(6));
        assertThat(Pages.submit(admin, page, "deletion", "submit", Map.of("confirmation", slug)).body())
                .as("a session alone does not delete the tenant").contains("直前 (5分以内) のIdPでのサインインが必要です");
        assertThat(admin.get(page).body()).contains("もう一度サインインする")
                .contains("/t/" + slug + "/stepup?return=/app/admin/contract.xhtml");
        assertThat(Superuser.column("SELECT tenant_ref::text FROM tenant_deletion WHERE tenant_ref = ?", company.tenant().id()))
                .isEmpty();

        // The step-up asks the IdP for a new login (prompt=login); the test answers as the IdP would after it.
        SignInFlow.Started stepUp = SignInFlow.started(
                admin.get(Browser.SECURE + "/t/" + slug + "/stepup?return=/app/admin/contract.xhtml"));
        assertThat(stepUp.parameters()).containsEntry("prompt", "login");
        String issuerId = company.tenant().issuerId();
        idp.craftNextIdToken(issuerId, IdTokens.rs256(idp.signingKey(issuerId),
                IdTokens.valid(idp.issuer(issuerId), RemoteFixture.CLIENT_ID, "admin", stepUp.nonce())
                        .claim("name", "admin さん").build()));
        HttpResponse<String> back = SignInFlow.callback(admin, slug, stepUp.state(), "any-code");
        assertThat(Browser.location(back)).as("back where the step-up began").isEqualTo(page);
        String requested = Pages.submit(admin, page, "deletion", "submit", Map.of("confirmation", slug)).body();
        assertThat(requested).contains("データの削除を申請しました。").contains("削除の期限").contains("admin さん");
        assertThat(Superuser.column("SELECT (due_at - requested_at)::text FROM tenant_deletion WHERE tenant_ref = ?",
                company.tenant().id())).containsExactly("30 days");
        assertThat(admin.get(page).body()).doesNotContain("id=\"deletion:submit\"").contains("削除は期限までに行われます。");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("データの削除を申請");
        MimeMessage told = smtp.await(mail -> subject(mail).equals("[SAPPHIRE] 全データ削除が依頼されました (" + slug + ")"), 1)
                .get(0);
        assertThat(TestSmtp.text(told)).contains("admin さん").contains("取り消してください");

        assertThat(Pages.submit(admin, page, "withdrawal", "withdraw", Map.of()).body()).contains("全データ削除の依頼を取り消しました。");
        assertThat(Superuser.column("SELECT tenant_ref::text FROM tenant_deletion WHERE tenant_ref = ?", company.tenant().id()))
                .isEmpty();
        smtp.await(mail -> subject(mail).equals("[SAPPHIRE] 全データ削除の依頼が取り消されました (" + slug + ")"), 1);
        assertThat(RemoteFixture.audit(company.tenant())).anyMatch(line -> line.startsWith("TENANT_DELETION_WITHDRAWN SUCCESS"))
                .anyMatch(line -> line.startsWith("TENANT_DELETION_REQUESTED FAILURE") && line.contains("not within PT5M"));

        Browser stranger = signedIn(AdminCompany.create(idp).tenant(), "admin");
        assertThat(stranger.get(page).body()).as("another tenant sees no request of ours").contains("id=\"deletion:submit\"");
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherTenantsAdministratorSeesNoneOfOurConfiguration() {
        AdminCompany ours = AdminCompany.create(idp);
        AdminCompany theirs = AdminCompany.create(idp);
        Browser admin = signedIn(ours.tenant(), "admin");
        upload(admin, ADMIN + "projects.xhtml", "UTF-8",
                "code,name,costCentre,active\nSECRET-1,極秘案件,CC1,true\n".getBytes(StandardCharsets.UTF_8));
        upload(admin, ADMIN + "departments.xhtml", "UTF-8",
                "code,name,parent,manager\n900,極秘部門,,\n".getBytes(StandardCharsets.UTF_8));
        Pages.submit(admin, ADMIN + "labels.xhtml", "label", "save", Map.of("key", "secret", "name", "極秘ラベル", "allowedValues", ""));
        String route = Superuser.column("SELECT id::text FROM approval_route WHERE tenant_id = ?", ours.tenant().id()).get(0);
        String label = Superuser.column("SELECT id::text FROM label_definition WHERE tenant_id = ? AND label_key = 'secret'",
                ours.tenant().id()).get(0);

        Browser stranger = signedIn(theirs.tenant(), "admin");
        for (String page : List.of("projects.xhtml", "departments.xhtml", "labels.xhtml", "routes.xhtml", "fields.xhtml")) {
            assertThat(stranger.get(ADMIN + page).body()).as(page).doesNotContain("極秘");
        }
        assertThat(stranger.get(ADMIN + "routes.xhtml?id=" + route).body()).contains("承認ルートを追加").doesNotContain(route);
        assertThat(stranger.get(ADMIN + "labels.xhtml?id=" + label).body()).contains("ラベルを追加").doesNotContain("極秘");
        String attempt = Pages.submit(stranger, ADMIN + "labels.xhtml?id=" + label, "label", "save",
                Map.of("key", "takeover", "name", "乗っ取り", "allowedValues", "")).body();
        assertThat(attempt).contains("編集中の設定が見つかりません。").doesNotContain("を保存しました。");
        assertThat(Superuser.column("SELECT name FROM label_definition WHERE id = ?::uuid", label)).containsExactly("極秘ラベル");
        assertThat(Superuser.column("SELECT tenant_id::text FROM label_definition WHERE label_key = 'takeover'")).isEmpty();
        assertThat(Pages.submit(stranger, ADMIN + "routes.xhtml?id=" + route, "preview", "run",
                Map.of("total", "1000", "day", "2026-06-01")).body()).contains("申請者を選んでください。");
    }

    /** What a route preview shows, from its result on. */
    private static String preview(Browser admin, String routes, Map<String, String> sample) {
        String page = Pages.submit(admin, routes, "preview", "run", sample).body();
        return page.substring(Math.max(0, page.indexOf("id=\"preview-route\"")));
    }

    private static String upload(Browser admin, String page, String encoding, byte[] content) {
        return Pages.upload(admin, page, "upload", "submit", Map.of("encoding", encoding), "file", "master.csv", content).body();
    }

    private static Browser signedIn(RemoteTenant tenant, String subject) {
        return SignInFlow.signedIn(idp, tenant, subject);
    }
}
