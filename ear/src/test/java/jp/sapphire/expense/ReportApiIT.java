package jp.sapphire.expense;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static jp.sapphire.it.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.util.JSONArrayUtils;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.TenantFixture;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.clock.TestClock;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Expense reports through the REST API, as an integration would use it: a report with lines,
 * foreign amounts, tax per rate, receipts, submission; and everything that must be refused —
 * other tenants' and colleagues' ids, bad amounts, dates, numbers, files — with a problem in the
 * caller's language and nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportApiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

    private RemoteTenant tenant;
    private ApiClient yamada;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @BeforeEach
    void employeeWithAToken() {
        tenant = tenant(Map.of());
        yamada = ApiClient.signedIn(idp, tenant, "yamada");
    }

    @Test
    void anEmployeeFilesAReportWithLinesInYenAndForeignCurrencyAttachesReceiptsAndSubmits() {
        HttpResponse<String> created = yamada.post("/reports", """
                {"title": "大阪出張", "purpose": "顧客訪問", "periodFrom": "%s", "periodTo": "%s",
                 "labels": {"project": "alpha"}}""".formatted(ApiReports.yesterday(), ApiReports.yesterday()));
        Map<String, Object> report = expect(created, 201);
        String id = (String) report.get("id");
        assertThat(created.headers().firstValue("Location")).hasValue(ApiClient.API + "/reports/" + id);
        assertThat(report).containsEntry("status", "DRAFT").containsEntry("labels", Map.of("project", "alpha"));

        HttpResponse<String> train = yamada.post("/reports/" + id + "/lines", line(tenant.category("7110"), """
                "amountYen": 13870, "payee": "JR東海", "invoiceNumber": "T7000012050002",
                "routeFrom": "東京", "routeTo": "新大阪", "roundTrip": false"""), etag(created));
        expect(train, 201);
        HttpResponse<String> coffee = yamada.post("/reports/" + id + "/lines", line(tenant.category("7310"), """
                "foreignAmount": 12.34, "currency": "USD", "exchangeRate": 151.275, "payee": "Starbucks Osaka\""""),
                etag(train));
        report = expect(coffee, 201);

        assertThat(number(report, "totalYen")).isEqualTo(13_870 + 1_866);
        assertThat(number(report, "taxYen")).isEqualTo(1_260 + 138);
        assertThat(list(report.get("subtotals"))).containsExactly(
                Map.of("taxClass", "STANDARD_10", "amountYen", 13_870L, "taxYen", 1_260L),
                Map.of("taxClass", "REDUCED_8", "amountYen", 1_866L, "taxYen", 138L));
        Map<String, Object> converted = list(report.get("lines")).get(1);
        assertThat(converted).containsEntry("amountYen", 1866L).containsEntry("currency", "USD")
                .containsEntry("taxClass", "REDUCED_8").containsEntry("lineNo", 2L);

        String lineId = (String) converted.get("id");
        Map<String, Object> uploaded = expect(yamada.upload("/reports/" + id + "/lines/" + lineId + "/receipt",
                "スタバ.pdf", PDF), 201);
        Map<String, Object> receipt = object(uploaded.get("receipt"));
        assertThat(receipt).containsEntry("contentType", "application/pdf").containsEntry("filename", "スタバ.pdf")
                .containsEntry("version", 1L).containsEntry("sizeBytes", (long) PDF.length);
        assertThat((String) receipt.get("sha256")).hasSize(64);

        HttpResponse<byte[]> download = yamada.download(ApiClient.API + "/receipts/" + receipt.get("id"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> current = yamada.get("/reports/" + id);
        Map<String, Object> submitted = expect(yamada.post("/reports/" + id + "/submit", "", etag(current)), 200);
        assertThat(submitted).containsEntry("status", "SUBMITTED").containsKey("submittedAt");
        assertThat(list(expect(yamada.get("/reports?status=SUBMITTED"), 200).get("items")))
                .extracting(item -> item.get("id")).containsExactly(id);

        Map<String, Object> refused = expect(yamada.put("/reports/" + id, "{\"title\": \"書き換え\"}", "*"), 409);
        assertThat(refused.get("detail")).isEqualTo("申請中・承認済みなどの経費申請は変更できません。");
    }

    @Test
    void submittingNamesEachLineThatStillNeedsAReceipt() {
        String id = report("消耗品");
        expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7410"), """
                "amountYen": 3300, "payee": "文具店\""""), "*"), 201);

        Map<String, Object> problem = expect(yamada.post("/reports/" + id + "/submit", "", "*"), 422);

        assertThat(problem).containsEntry("status", 422L).containsEntry("type", "https://sapphire.example/problems/invalid-input");
        assertThat(list(problem.get("errors"))).containsExactly(
                Map.of("field", "lines[1]", "message", "明細 1 に領収書を添付してください。"));
        assertThat(expect(yamada.get("/reports/" + id), 200)).containsEntry("status", "DRAFT");
    }

    @Test
    void anotherTenantsIdsAreNotFoundWhateverIsTriedAndNeverListed() {
        Filed filed = filedWithReceipt();
        RemoteTenant other = tenant(Map.of());
        ApiClient stranger = ApiClient.signedIn(idp, other, "yamada");

        assertNotFound(stranger.get("/reports/" + filed.report));
        assertNotFound(stranger.put("/reports/" + filed.report, "{\"title\": \"乗っ取り\"}", "*"));
        assertNotFound(stranger.post("/reports/" + filed.report + "/lines", line(other.category("7410"),
                "\"amountYen\": 1, \"payee\": \"x\""), "*"));
        assertNotFound(stranger.put("/reports/" + filed.report + "/lines/" + filed.line, line(other.category("7410"),
                "\"amountYen\": 1, \"payee\": \"x\""), "*"));
        assertNotFound(stranger.post("/reports/" + filed.report + "/submit", "", "*"));
        assertNotFound(stranger.upload("/reports/" + filed.report + "/lines/" + filed.line + "/receipt", "x.pdf", PDF));
        assertNotFound(stranger.get("/reports/" + filed.report + "/lines/" + filed.line + "/receipts"));
        assertNotFound(stranger.delete("/reports/" + filed.report));
        assertThat(stranger.download(ApiClient.API + "/receipts/" + filed.receipt).statusCode()).isEqualTo(404);
        assertThat(number(expect(stranger.get("/reports"), 200), "total")).isZero();

        Map<String, Object> untouched = expect(yamada.get("/reports/" + filed.report), 200);
        assertThat(untouched).containsEntry("title", "出張");
        assertThat(list(untouched.get("lines"))).hasSize(1);
    }

    @Test
    void theBrowserPreviewServesAReceiptInlineInASandboxToItsOwnerOnly() {
        Filed filed = filedWithReceipt();
        Browser owner = new Browser();
        idp.nextSignIn(tenant.issuerId(), "yamada", Map.of());
        SignInFlow.signIn(owner, tenant.slug());
        HttpResponse<String> preview = owner.get(Browser.SECURE + "/app/receipts/" + filed.receipt);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(preview.headers().firstValue("Content-Disposition")).get().asString().startsWith("inline;");
        assertThat(preview.headers().firstValue("Content-Security-Policy")).get().asString().contains("sandbox");

        RemoteTenant other = tenant(Map.of());
        Browser stranger = new Browser();
        idp.nextSignIn(other.issuerId(), "yamada", Map.of());
        SignInFlow.signIn(stranger, other.slug());
        assertThat(stranger.get(Browser.SECURE + "/app/receipts/" + filed.receipt).statusCode()).isEqualTo(404);
        assertThat(stranger.get(Browser.SECURE + "/app/reports/edit.xhtml?id=" + filed.report).body())
                .doesNotContain("出張").contains("この経費申請は見つからないか、参照する権限がありません。");
    }

    @Test
    void aColleagueCannotSeeSomeoneElsesReportButAccountingCanReadIt() {
        Filed filed = filedWithReceipt();
        ApiClient sato = ApiClient.signedIn(idp, tenant, "sato");
        ApiClient suzuki = ApiClient.signedIn(idp, tenant, "suzuki");

        assertNotFound(sato.get("/reports/" + filed.report));
        assertThat(sato.download(ApiClient.API + "/receipts/" + filed.receipt).statusCode()).isEqualTo(404);
        assertThat(number(expect(sato.get("/reports"), 200), "total")).isZero();

        assertThat(expect(suzuki.get("/reports/" + filed.report), 200)).containsEntry("title", "出張");
        assertThat(suzuki.download(ApiClient.API + "/receipts/" + filed.receipt).statusCode()).isEqualTo(200);
        assertNotFound(suzuki.put("/reports/" + filed.report, "{\"title\": \"経理が変更\"}", "*"));
    }

    @Test
    void badAmountsAreRefusedNamingTheFieldAndNothingIsStored() {
        String id = report("金額チェック");
        for (String amount : List.of("-1", "0", "100000001", "999999999999")) {
            Map<String, Object> problem = expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7410"),
                    "\"amountYen\": " + amount + ", \"payee\": \"店\""), "*"), 422);
            assertThat(list(problem.get("errors"))).extracting(e -> e.get("field")).as(amount).containsExactly("amountYen");
        }
        assertThat(list(expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7410"),
                "\"amountYen\": -5, \"payee\": \"店\""), "*"), 422).get("errors")).get(0))
                .containsEntry("message", "金額は1円以上で入力してください。");

        Map<String, Object> word = expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7410"),
                "\"amountYen\": \"abc\", \"payee\": \"店\""), "*"), 422);
        assertThat(list(word.get("errors"))).containsExactly(Map.of("field", "amountYen", "message", "整数で指定してください。"));
        assertThat(list(expect(yamada.post("/reports/" + id + "/lines", """
                {"spentOn": "2026-13-45", "categoryId": "%s", "amountYen": 100, "payee": "店"}"""
                .formatted(tenant.category("7410")), "*"), 422).get("errors"))).extracting(e -> e.get("field"))
                .containsExactly("spentOn");
        Map<String, Object> future = expect(yamada.post("/reports/" + id + "/lines", """
                {"spentOn": "%s", "categoryId": "%s", "amountYen": 100, "payee": "店"}"""
                .formatted(ServerClock.today(TestClock.TOKYO).plusDays(2), tenant.category("7410")), "*"), 422);
        assertThat(list(future.get("errors"))).containsExactly(
                Map.of("field", "spentOn", "message", "利用日に未来の日付は指定できません。"));
        Map<String, Object> noPayee = expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7410"),
                "\"amountYen\": 100"), "*"), 422);
        assertThat(list(noPayee.get("errors"))).extracting(e -> e.get("field")).containsExactly("payee");

        Map<String, Object> report = expect(yamada.get("/reports/" + id), 200);
        assertThat(list(report.get("lines"))).isEmpty();
        assertThat(number(report, "totalYen")).isZero();
    }

    @Test
    void invalidInvoiceRegistrationNumbersAreRefused() {
        String id = report("登録番号");
        for (String number : List.of("T7000012050003", "T123", "7000012050002", "T700001205000X")) {
            Map<String, Object> problem = expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7410"),
                    "\"amountYen\": 1100, \"payee\": \"店\", \"invoiceNumber\": \"" + number + "\""), "*"), 422);
            assertThat(list(problem.get("errors"))).as(number).containsExactly(Map.of("field", "invoiceNumber",
                    "message", "登録番号は「T」と13桁の数字で、正しいチェックデジットのものを入力してください。"));
        }
        assertThat(list(expect(yamada.get("/reports/" + id), 200).get("lines"))).isEmpty();
    }

    @Test
    void anOverlongTitleIsRefusedAndMarkupIsKeptAsPlainText() {
        Map<String, Object> problem = expect(yamada.post("/reports", "{\"title\": \"" + "経".repeat(8192) + "\"}"), 422);
        assertThat(list(problem.get("errors"))).containsExactly(
                Map.of("field", "title", "message", "件名は200文字以内で入力してください。"));
        assertThat(number(expect(yamada.get("/reports"), 200), "total")).isZero();

        String script = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        String id = (String) expect(yamada.post("/reports", "{\"title\": \"" + script.replace("\"", "\\\"")
                + "\", \"purpose\": \"" + script + "\"}"), 201).get("id");
        expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7410"),
                "\"amountYen\": 100, \"payee\": \"" + script + "\", \"description\": \"" + script + "\""), "*"), 201);

        Map<String, Object> report = expect(yamada.get("/reports/" + id), 200);
        assertThat(report).containsEntry("title", script).containsEntry("purpose", script);
        assertThat(list(report.get("lines")).get(0)).containsEntry("payee", script).containsEntry("description", script);
    }

    @Test
    void filesThatAreNotReceiptsOrTooLargeOrEmptyAreRefusedAndNothingIsStored() {
        Filed filed = filedWithReceipt();
        String upload = "/reports/" + filed.report + "/lines/" + filed.line + "/receipt";
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

        assertUploadRefused(yamada.upload(upload, "receipt.jpg", exe), "添付できるのはJPEG・PNG・PDF・HEICのファイルだけです。");
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TenantFixture.JPEG, 0, huge, 0, TenantFixture.JPEG.length);
        assertUploadRefused(yamada.upload(upload, "big.jpg", huge), "ファイルが大きすぎます (10 MBまで)。");
        assertUploadRefused(yamada.upload(upload, "empty.jpg", new byte[0]), "空のファイルは添付できません。");

        assertThat(versions(filed)).hasSize(1);
    }

    @Test
    void theSameLineTwiceIsFlaggedAndRefusedWhereTheTenantSaysSo() {
        String id = report("重複");
        String lunch = line(tenant.category("7310"), "\"amountYen\": 1200, \"payee\": \"定食屋\"");
        expect(yamada.post("/reports/" + id + "/lines", lunch, "*"), 201);
        Map<String, Object> twice = expect(yamada.post("/reports/" + id + "/lines",
                line(tenant.category("7310"), "\"amountYen\": 1200, \"payee\": \" 定食屋 \""), "*"), 201);
        assertThat(list(twice.get("warnings"))).containsExactly(Map.of("field", "amountYen",
                "message", "同じ日付・金額・支払先の明細がすでにあります。二重申請でないか確認してください。"));

        RemoteTenant strict = tenant(Map.of("duplicates", "BLOCK"));
        ApiClient careful = ApiClient.signedIn(idp, strict, "yamada");
        String strictReport = (String) expect(careful.post("/reports", "{\"title\": \"重複禁止\"}"), 201).get("id");
        String strictLunch = line(strict.category("7310"), "\"amountYen\": 1200, \"payee\": \"定食屋\"");
        expect(careful.post("/reports/" + strictReport + "/lines", strictLunch, "*"), 201);
        expect(careful.post("/reports/" + strictReport + "/lines", strictLunch, "*"), 422);
        assertThat(list(expect(careful.get("/reports/" + strictReport), 200).get("lines"))).hasSize(1);
    }

    @Test
    void receiptsOfASubmittedReportAreKeptAndAReplacementBecomesANewVersion() {
        Filed filed = filedWithReceipt();
        expect(yamada.post("/reports/" + filed.report + "/submit", "", "*"), 200);
        expect(yamada.post("/reports/" + filed.report + "/withdraw", "", "*"), 200);

        Map<String, Object> replaced = expect(yamada.upload("/reports/" + filed.report + "/lines/" + filed.line + "/receipt",
                "差し替え.pdf", PDF), 201);
        assertThat(object(replaced.get("receipt"))).containsEntry("version", 2L);
        List<Map<String, Object>> versions = versions(filed);
        assertThat(versions).extracting(v -> v.get("version"), v -> v.get("current"))
                .containsExactly(tuple(1L, false), tuple(2L, true));
        expect(yamada.delete("/reports/" + filed.report + "/receipts/" + filed.receipt), 409);
        assertThat(yamada.download(ApiClient.API + "/receipts/" + filed.receipt).body()).isEqualTo(TenantFixture.JPEG);
    }

    @Test
    void aStaleVersionIsRefusedInTheCallersLanguage() {
        HttpResponse<String> created = yamada.post("/reports", "{\"title\": \"版\"}");
        expect(created, 201);
        String id = (String) ApiClient.json(created).get("id");
        expect(yamada.put("/reports/" + id, "{\"title\": \"一回目\"}", etag(created)), 200);

        Map<String, Object> stale = expect(yamada.put("/reports/" + id, "{\"title\": \"二回目\"}", etag(created)), 409);
        assertThat(stale.get("detail")).isEqualTo("この経費申請は他の画面で変更されました。最新の内容を読み込んでからやり直してください。");
        HttpResponse<String> english = yamada.get("/reports/" + UUID.randomUUID(), "en");
        assertThat(english.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ApiClient.json(english)).containsEntry("title", "Not found").containsEntry("status", 404L);
        assertThat(expect(yamada.get("/reports/" + id), 200)).containsEntry("title", "一回目");
    }

    @Test
    void aDraftCanBeDeletedButNotOnceItHasBeenSubmitted() {
        String draft = report("下書き");
        assertThat(yamada.delete("/reports/" + draft).statusCode()).isEqualTo(204);
        assertNotFound(yamada.get("/reports/" + draft));

        Filed filed = filedWithReceipt();
        expect(yamada.post("/reports/" + filed.report + "/submit", "", "*"), 200);
        expect(yamada.post("/reports/" + filed.report + "/withdraw", "", "*"), 200);
        expect(yamada.delete("/reports/" + filed.report), 409);
    }

    @Test
    void entertainmentNeedsAttendeesAndTheTenantsRequiredCustomField() {
        String id = report("接待");
        Map<String, Object> problem = expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7210"),
                "\"amountYen\": 22000, \"payee\": \"料亭\""), "*"), 422);
        assertThat(list(problem.get("errors"))).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("attendees", "customFields.client");

        Map<String, Object> report = expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7210"),
                "\"amountYen\": 22000, \"payee\": \"料亭\", \"attendees\": \"A社 山本様、当社 山田\", "
                        + "\"customFields\": {\"client\": \"A社\"}"), "*"), 201);
        assertThat(list(report.get("lines")).get(0)).containsEntry("customFields", Map.of("client", "A社"));
    }

    @Test
    void labelsMustBeDefinedAndTheirValuesAllowed() {
        assertThat(list(expect(yamada.post("/reports", "{\"title\": \"x\", \"labels\": {\"unknown\": \"v\"}}"), 422)
                .get("errors"))).extracting(e -> e.get("field")).containsExactly("labels.unknown");
        assertThat(list(expect(yamada.post("/reports", "{\"title\": \"x\", \"labels\": {\"project\": \"gamma\"}}"), 422)
                .get("errors"))).containsExactly(Map.of("field", "labels.project", "message", "「プロジェクト」に指定できない値です。"));
    }

    @Test
    void theOpenApiDocumentDescribesTheReportsApi() {
        // Served on the management endpoint, like every part of the server that is not the service itself.
        HttpResponse<String> document = new Browser().get(OperatorJmx.MANAGEMENT + "/openapi");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/api").contains("/v1/reports:").contains("/v1/reports/{id}/submit:")
                .contains("/v1/receipts/{receiptId}:");
    }

    private record Filed(String report, String line, String receipt) {
    }

    /** A draft with one line and its receipt (the fixture's JPEG). */
    private Filed filedWithReceipt() {
        String id = report("出張");
        Map<String, Object> report = expect(yamada.post("/reports/" + id + "/lines", line(tenant.category("7410"),
                "\"amountYen\": 5500, \"payee\": \"ホテル\""), "*"), 201);
        String line = (String) list(report.get("lines")).get(0).get("id");
        Map<String, Object> uploaded = expect(yamada.upload("/reports/" + id + "/lines/" + line + "/receipt",
                "hotel.jpg", TenantFixture.JPEG), 201);
        return new Filed(id, line, (String) object(uploaded.get("receipt")).get("id"));
    }

    private List<Map<String, Object>> versions(Filed filed) {
        HttpResponse<String> response = yamada.get("/reports/" + filed.report + "/lines/" + filed.line + "/receipts");
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return list(JSONArrayUtils.parse(response.body()));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private String report(String title) {
        return (String) expect(yamada.post("/reports", "{\"title\": \"" + title + "\"}"), 201).get("id");
    }

    private static RemoteTenant tenant(Map<String, String> options) {
        return RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), options,
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "EMPLOYEE:SUBJECT:suzuki", "ACCOUNTING:SUBJECT:suzuki");
    }

    private static String line(UUID category, String fields) {
        return "{\"spentOn\": \"" + ApiReports.yesterday() + "\", \"categoryId\": \"" + category + "\", " + fields + "}";
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static long number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).longValue();
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(404);
        assertThat(ApiClient.json(response)).containsEntry("title", "見つかりません");
    }

    private void assertUploadRefused(HttpResponse<String> response, String message) {
        Map<String, Object> problem = expect(response, 422);
        assertThat(list(problem.get("errors"))).containsExactly(Map.of("field", "file", "message", message));
    }
}
