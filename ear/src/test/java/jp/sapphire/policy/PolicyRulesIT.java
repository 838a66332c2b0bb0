package jp.sapphire.policy;

import static jp.sapphire.it.AdminCompany.ADMIN;
import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sapphire.it.AdminCompany;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Chromium;
import jp.sapphire.it.Pages;
import jp.sapphire.it.PrimeMenu;
import jp.sapphire.it.SapphireDeployment;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Policy rules (経費規程, issue 21) from outside: the administrator defines them on the console
 * (refused by field, nothing stored; logged), the simulator answers what submission answers, an
 * applicant's line beyond a warning rule needs a reason and one beyond a blocking rule cannot be
 * submitted (each at its boundary: ¥12,000 allowed, ¥12,001 warned), the API lists the warnings,
 * the approver sees the line highlighted with the reason, and another tenant sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyRulesIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final String RULES = ADMIN + "rules.xhtml";
    private static final Pattern RULE_OF_BREACH = Pattern.compile("data-rule=\"([^\"]+)\"");

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void theAdministratorDefinesRulesOnTheConsoleRefusedByFieldNothingStoredAndLogged() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = SignInFlow.signedIn(idp, company.tenant(), "admin");
        Map<String, String> categories = lodgingAndPerDiem(admin);

        String refused = Pages.submit(admin, RULES, "rule", "save", rule("", company.tenant().category("7410"), "200,000,000", "NIGHT",
                "WARN", "2027/04/01", "")).body();
        assertThat(refused).contains("ルール名を200文字以内で入力してください。")
                .contains("1泊あたりの上限は種類が「宿泊」の科目にだけ設定できます。")
                .contains("上限額は0〜100,000,000円の整数で入力してください。");
        Map<String, String> perDiem = rule("日当", categories.get("7130"), "3000", "TRIP_DAY", "BLOCK", "2027/04/01", "2027/03/31");
        perDiem.put("minDays", "3");
        perDiem.put("maxDays", "2");
        assertThat(Pages.submit(admin, RULES, "rule", "save", perDiem).body())
                .contains("適用終了日は適用開始日以降にしてください。").contains("出張日数の上限は下限以上にしてください。");
        Map<String, String> daysOnAHotel = rule("宿泊", categories.get("7120"), "12000", "NIGHT", "WARN", "2027/04/01", "");
        daysOnAHotel.put("minDays", "2");
        assertThat(Pages.submit(admin, RULES, "rule", "save", daysOnAHotel).body())
                .contains("出張日数の条件は出張1日あたり (日当) のルールにだけ設定できます。");
        assertThat(rules(company)).as("nothing stored").isEmpty();

        String saved = Pages.submit(admin, RULES, "rule", "save", rule("宿泊費の上限", categories.get("7120"), "12,000", "NIGHT",
                "WARN", "2027/04/01", "")).body();
        assertThat(saved).contains("ルール「宿泊費の上限」を保存しました。").contains("¥12,000 / 1泊");
        perDiem.put("validTo_input", "");
        perDiem.put("maxDays", "");
        assertThat(Pages.submit(admin, RULES, "rule", "save", perDiem).body()).contains("ルール「日当」を保存しました。");
        assertThat(rules(company)).containsExactly("宿泊費の上限 NIGHT ANY 12000 - - WARN 2027-04-01 -",
                "日当 TRIP_DAY ANY 3000 3 - BLOCK 2027-04-01 -");

        String id = Superuser.column("SELECT id FROM policy_rule WHERE tenant_id = ? AND name = '日当'", company.tenant().id()).get(0);
        Map<String, String> changed = rule("日当 (国内)", categories.get("7130"), "2500", "TRIP_DAY", "BLOCK", "2027/04/01", "");
        changed.put("region_input", "DOMESTIC");
        assertThat(Pages.submit(admin, RULES + "?id=" + id, "rule", "save", changed).body()).contains("ルール「日当 (国内)」を保存しました。");
        assertThat(rules(company)).contains("日当 (国内) TRIP_DAY DOMESTIC 2500 - - BLOCK 2027-04-01 -");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("経費規程のルールを追加").contains("経費規程のルールを変更")
                .contains("7120, NIGHT 12000 yen, ANY, WARN, 2027-04-01 ..");

        AdminCompany other = AdminCompany.create(idp);
        Browser stranger = SignInFlow.signedIn(idp, other.tenant(), "admin");
        assertThat(stranger.get(RULES + "?id=" + id).body()).as("another tenant's rule by its id")
                .doesNotContain("日当 (国内)").doesNotContain("value=\"宿泊費の上限\"").doesNotContain("edit-link")
                .contains("規程のルールはまだありません。");
        assertThat(Pages.submit(stranger, RULES + "?id=" + id, "rule", "save", rule("乗っ取り", other.tenant().category("7410"), "1",
                "LINE", "BLOCK", "2027/04/01", "")).body()).as("saving over another tenant's rule by its id")
                .contains("編集中の設定が見つかりません。一覧から開き直してください。");
        assertThat(rules(company)).hasSize(2).noneMatch(r -> r.startsWith("乗っ取り"));
        assertThat(rules(other)).as("nothing stored").isEmpty();

        String simulated = simulate(admin, categories.get("7120"), "2027/04/10", "12001", "1", "");
        assertThat(breaches(simulated)).containsExactly("宿泊費の上限");
        assertThat(simulated).contains("規程超過 (警告): 「宿泊費の上限」の上限 ¥12,000 に対して ¥12,001");
        assertThat(simulate(admin, categories.get("7120"), "2027/04/10", "12000", "1", "")).contains("どのルールも超えていません。");
        assertThat(simulate(admin, categories.get("7120"), "2027/03/31", "99999", "1", "")).as("before the rule's first day")
                .contains("どのルールも超えていません。");
        assertThat(simulate(admin, categories.get("7120"), "2027/04/10", "12000", "", "")).contains("宿泊の明細には泊数を入力してください。");
        assertThat(simulate(admin, categories.get("7130"), "2027/04/10", "7501", "", "3")).contains("日当 (国内)");
        assertThat(simulate(admin, "", "", "", "0", "")).contains("経費科目を一覧から選んでください。")
                .contains("利用日を入力してください。").contains("日数は1〜366で入力してください。");
        assertThat(simulate(admin, categories.get("7120"), "2027/04/10", "abc", "1", "")).contains("0以上の整数で入力してください。");

        String removedId = Superuser.column("SELECT id FROM policy_rule WHERE tenant_id = ? AND name = '日当 (国内)'",
                company.tenant().id()).get(0);
        String page = admin.get(RULES).body();
        assertThat(page).contains("id=\"list:rules:0:remove\"").contains("id=\"list:rules:1:remove\"")
                .doesNotContain("id=\"list:rules:2:remove\"");
        assertThat(Pages.postBack(admin, RULES, page, "list", "rules:1:remove", Map.of()).body()).contains("ルールを削除しました。")
                .doesNotContain("日当 (国内)");
        assertThat(Superuser.column("SELECT count(*) FROM policy_rule WHERE id = ?::uuid", removedId)).containsExactly("0");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("経費規程のルールを削除");
    }

    @Test
    void aWarnedLineNeedsAReasonABlockedOneStopsSubmissionTheApproverSeesItAndTheSimulatorAgrees() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = SignInFlow.signedIn(idp, company.tenant(), "admin");
        Map<String, String> categories = lodgingAndPerDiem(admin);
        String supplies = company.tenant().category("7410").toString();
        for (Map<String, String> rule : List.of(
                rule("宿泊費の上限", categories.get("7120"), "12000", "NIGHT", "WARN", "2020/01/01", ""),
                rule("旧規程 (2020年)", categories.get("7120"), "5000", "NIGHT", "BLOCK", "2020/01/01", "2020/12/31"),
                rule("消耗品 1件", supplies, "50000", "LINE", "BLOCK", "2020/01/01", ""),
                rule("消耗品 1日", supplies, "30000", "DAY", "WARN", "2020/01/01", ""))) {
            assertThat(Pages.submit(admin, RULES, "rule", "save", rule).body()).contains("を保存しました。");
        }
        ApiClient yamada = ApiClient.signedIn(idp, company.tenant(), "yamada");
        HttpResponse<String> created = yamada.post("/reports", "{\"title\": \"大阪出張\"}");
        String id = (String) expect(created, 201).get("id");
        String reports = "/reports/" + id;

        Map<String, Object> refused = expect(yamada.post(reports + "/lines", line(categories.get("7120"), 9_000, "\"nights\": 0"), "*"), 422);
        assertThat(list(refused.get("errors"))).extracting(e -> e.get("field"), e -> e.get("message"))
                .containsExactly(tuple("nights", "泊数は1〜366で入力してください。"));
        refused = expect(yamada.post(reports + "/lines", line(categories.get("7120"), 9_000, "\"overseas\": false"), "*"), 422);
        assertThat(list(refused.get("errors"))).extracting(e -> e.get("field"), e -> e.get("message"))
                .containsExactly(tuple("nights", "宿泊の明細には泊数を入力してください。"));

        Map<String, Object> report = expect(yamada.post(reports + "/lines", line(categories.get("7120"), 12_000, "\"nights\": 1"), "*"), 201);
        assertThat(report).as("¥12,000 a night is allowed; the 2020 rule is over").doesNotContainKey("warnings");
        String hotel = lineId(report, 0);
        report = expect(yamada.put(reports + "/lines/" + hotel, line(categories.get("7120"), 12_001, "\"nights\": 1"), "*"), 200);
        assertThat(list(report.get("warnings"))).extracting(w -> w.get("field"), w -> w.get("rule"), w -> w.get("action"), w -> w.get("message"))
                .containsExactly(tuple("lines[1].amountYen", "宿泊費の上限", "WARN",
                        "規程「宿泊費の上限」の上限 ¥12,000 を超えています (¥12,001)。申請するには理由を入力してください。"));
        assertThat(list(list(report.get("lines")).get(0).get("policy"))).containsExactly(
                Map.of("rule", "宿泊費の上限", "action", "WARN", "allowedYen", 12_000L, "countedYen", 12_001L));

        report = expect(yamada.post(reports + "/lines", line(supplies, 50_001, "\"payee\": \"家具店\""), "*"), 201);
        String desk = lineId(report, 1);
        assertThat(list(report.get("warnings"))).extracting(w -> w.get("field"), w -> w.get("rule"), w -> w.get("action"))
                .containsExactly(tuple("lines[1].amountYen", "宿泊費の上限", "WARN"), tuple("lines[2].amountYen", "消耗品 1件", "BLOCK"),
                        tuple("lines[2].amountYen", "消耗品 1日", "WARN"));
        receipts(yamada, reports, hotel, desk);

        Map<String, Object> stopped = expect(yamada.post(reports + "/submit", "", "*"), 422);
        assertThat(list(stopped.get("errors"))).extracting(e -> e.get("field"), e -> e.get("message")).containsExactly(
                tuple("lines[1].policyReason", "1行目が規程「宿泊費の上限」の上限 ¥12,000 を超えています (¥12,001)。明細に理由を入力してください。"),
                tuple("lines[2].amountYen", "2行目が規程「消耗品 1件」の上限 ¥50,000 を超えているため申請できません (¥50,001)。"),
                tuple("lines[2].policyReason", "2行目が規程「消耗品 1日」の上限 ¥30,000 を超えています (¥50,001)。明細に理由を入力してください。"));
        assertThat(expect(yamada.get(reports), 200)).containsEntry("status", "DRAFT");

        // The simulator answers the same rules for the same lines.
        assertThat(breaches(simulate(admin, categories.get("7120"), slashed(ApiReports.yesterday()), "12001", "1", "")))
                .containsExactly("宿泊費の上限");
        assertThat(breaches(simulate(admin, supplies, slashed(ApiReports.yesterday()), "50001", "", "")))
                .containsExactly("消耗品 1件", "消耗品 1日");
        assertThat(breaches(simulate(admin, supplies, slashed(ApiReports.yesterday()), "50000", "", "")))
                .containsExactly("消耗品 1日");

        expect(yamada.put(reports + "/lines/" + desk, line(supplies, 50_000, "\"payee\": \"家具店\", \"policyReason\": \"会議室の椅子 5脚\""),
                "*"), 200);
        stopped = expect(yamada.post(reports + "/submit", "", "*"), 422);
        assertThat(list(stopped.get("errors"))).extracting(e -> e.get("field"))
                .as("¥50,000 is within the blocking rule; the reason answers the daily one").containsExactly("lines[1].policyReason");
        expect(yamada.put(reports + "/lines/" + hotel, line(categories.get("7120"), 12_001, "\"nights\": 1, \"policyReason\": \"学会期間で市内の空室がこの価格帯のみ\""),
                "*"), 200);
        Map<String, Object> submitted = expect(yamada.post(reports + "/submit", "", "*"), 200);
        assertThat(submitted).containsEntry("status", "SUBMITTED");
        assertThat(list(submitted.get("warnings"))).extracting(w -> w.get("rule"))
                .as("still beyond the rules, with the reasons given").containsExactly("宿泊費の上限", "消耗品 1日");
        assertThat(list(submitted.get("lines")).get(0)).containsEntry("policyReason", "学会期間で市内の空室がこの価格帯のみ")
                .containsEntry("nights", 1L).containsEntry("overseas", false);

        Browser sato = SignInFlow.signedIn(idp, company.tenant(), "sato");
        String approval = sato.get(Browser.SECURE + "/app/approvals/report.xhtml?id=" + id).body();
        assertThat(approval).contains("policy-row").contains("規程超過 (警告): 「宿泊費の上限」の上限 ¥12,000 に対して ¥12,001")
                .contains("規程を超える理由: 学会期間で市内の空室がこの価格帯のみ")
                .contains("規程超過 (警告): 「消耗品 1日」の上限 ¥30,000 に対して ¥50,000").contains("会議室の椅子 5脚")
                .doesNotContain("旧規程");

        AdminCompany other = AdminCompany.create(idp);
        ApiClient stranger = ApiClient.signedIn(idp, other.tenant(), "sato");
        assertThat(stranger.get(reports).statusCode()).as("another tenant's report").isEqualTo(404);
    }

    @Test
    void theLineDialogSaysWhatARuleSaysAsTheAmountIsTypedAndTakesTheReason() throws IOException {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = SignInFlow.signedIn(idp, company.tenant(), "admin");
        Map<String, String> categories = lodgingAndPerDiem(admin);
        assertThat(Pages.submit(admin, RULES, "rule", "save", rule("宿泊費の上限", categories.get("7120"), "12000", "NIGHT", "WARN",
                "2020/01/01", "")).body()).contains("を保存しました。");
        idp.nextSignIn(company.tenant().issuerId(), "yamada", Map.of("name", "山田 太郎"));
        ChromeDriver chrome = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
            chrome.get(Browser.SECURE + "/t/" + company.tenant().slug() + "/");
            wait.until(ExpectedConditions.urlToBe(Browser.SECURE + "/app/home.xhtml"));
            chrome.get(Browser.SECURE + "/app/reports/edit.xhtml");
            chrome.findElement(By.id("report:title")).sendKeys("大阪出張");
            chrome.findElement(By.id("report:save")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("lines:addLine"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:payee")));
            PrimeMenu.choose(chrome, "lineForm:categoryId", "7120 宿泊費");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:nights"))).sendKeys("1");
            chrome.findElement(By.id("lineForm:payee")).sendKeys("ホテル大阪");
            chrome.findElement(By.id("lineForm:amountYen")).sendKeys("12000" + Keys.TAB);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lineForm:preview"), "¥12,000"));
            assertThat(chrome.findElements(By.cssSelector("#lineForm\\:policy .policy-breach"))).as("¥12,000 a night").isEmpty();
            assertThat(chrome.findElements(By.id("lineForm:policyReason"))).isEmpty();

            chrome.findElement(By.id("lineForm:amountYen")).sendKeys(Keys.BACK_SPACE + "1" + Keys.TAB);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lineForm:policy"),
                    "規程超過 (警告): 「宿泊費の上限」の上限 ¥12,000 に対して ¥12,001"));
            WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:policyReason")));
            chrome.findElement(By.id("lineForm:saveLine")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("lineDialog")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lines\\:table tr.policy-row")));
            assertThat(chrome.findElement(By.id("lines:table")).getText()).contains("規程を超える理由: (未入力)");
            assertThat(chrome.findElement(By.id("messages")).getText())
                    .contains("規程「宿泊費の上限」の上限 ¥12,000 を超えています (¥12,001)。申請するには理由を入力してください。");

            chrome.findElement(By.id("actions:submit")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "明細に理由を入力してください。"));
            assertThat(chrome.findElement(By.id("status")).getText()).isEqualTo("下書き");

            chrome.findElement(By.id("lines:table:0:edit")).click();
            reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lineForm:policyReason")));
            reason.sendKeys("学会期間で市内の空室がこの価格帯のみ");
            chrome.findElement(By.id("lineForm:saveLine")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lines:table"),
                    "規程を超える理由: 学会期間で市内の空室がこの価格帯のみ"));
        } finally {
            Chromium.screenshotAndQuit(getClass(), List.of(chrome));
        }
    }

    /** Imports a lodging (7120) and a per-diem (7130) category on the console; answers their ids by code. */
    private static Map<String, String> lodgingAndPerDiem(Browser admin) {
        byte[] csv = "code,name,kind,taxClass,active\n7120,宿泊費,LODGING,STANDARD_10,true\n7130,出張日当,PER_DIEM,STANDARD_10,true\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Pages.upload(admin, ADMIN + "categories.xhtml", "upload", "submit", Map.of("encoding", "UTF-8"), "file",
                "categories.csv", csv).body()).contains("取り込みました: 追加 2件、変更 0件。");
        String rules = admin.get(RULES).body();
        return Map.of("7120", AdminCompany.optionValue(rules, "7120 宿泊費 (宿泊)"),
                "7130", AdminCompany.optionValue(rules, "7130 出張日当 (日当)"));
    }

    private static Map<String, String> rule(String name, Object category, String limit, String basis, String action, String from,
                                            String to) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("category_input", String.valueOf(category));
        fields.put("limitYen", limit);
        fields.put("basis_input", basis);
        fields.put("region_input", "ANY");
        fields.put("action_input", action);
        fields.put("validFrom_input", from);
        fields.put("validTo_input", to);
        fields.put("minDays", "");
        fields.put("maxDays", "");
        return fields;
    }

    private static String simulate(Browser admin, Object category, String day, String yen, String nights, String tripDays) {
        Map<String, String> fields = new HashMap<>();
        fields.put("sampleCategory_input", String.valueOf(category));
        fields.put("sampleDay_input", day);
        fields.put("sampleYen", yen);
        fields.put("sampleNights", nights);
        fields.put("sampleTripDays", tripDays);
        fields.put("sampleAttendees", "");
        HttpResponse<String> response = Pages.submit(admin, RULES, "simulator", "run", fields);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The rules a simulation found, in the order shown. */
    private static List<String> breaches(String page) {
        List<String> rules = new ArrayList<>();
        Matcher matcher = RULE_OF_BREACH.matcher(page);
        while (matcher.find()) {
            rules.add(matcher.group(1));
        }
        return rules;
    }

    private static List<String> rules(AdminCompany company) {
        return Superuser.column("SELECT name || ' ' || basis || ' ' || region || ' ' || limit_yen || ' ' || coalesce(min_days::text, '-')"
                + " || ' ' || coalesce(max_days::text, '-') || ' ' || action || ' ' || valid_from || ' ' || coalesce(valid_to::text, '-')"
                + " FROM policy_rule WHERE tenant_id = ? ORDER BY name", company.tenant().id());
    }

    /** A line of yesterday with a payee (ホテル unless {@code fields} names one) and these fields. */
    private static String line(Object category, long yen, String fields) {
        String payee = fields.contains("\"payee\"") ? "" : "\"payee\": \"ホテル\", ";
        return "{\"spentOn\": \"" + ApiReports.yesterday() + "\", \"categoryId\": \"" + category + "\", \"amountYen\": " + yen
                + ", " + payee + fields + "}";
    }

    private static String lineId(Map<String, Object> report, int index) {
        return (String) list(report.get("lines")).get(index).get("id");
    }

    private static void receipts(ApiClient applicant, String report, String... lines) {
        for (String line : lines) {
            expect(applicant.upload(report + "/lines/" + line + "/receipt", "receipt.pdf",
                    ("%PDF-1.7 " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII)), 201);
        }
    }

    private static String slashed(String isoDate) {
        return isoDate.replace('-', '/');
    }
}
