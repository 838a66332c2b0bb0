package jp.sapphire.journal;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiCompany;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.platform.control.BankDays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Booking through the API as accounting does it: each line's invoice status and deductible tax on
 * the report, accounting's override with its reason in the action log, the journal of a period by
 * approval and by payment date and of a paid batch in the three formats — compared line by line —,
 * bad input named field by field, other roles refused and another tenant's reports never booked.
 * The server's clock stands still during each test; the test server's transitional schedule ends
 * in 60 % from 2026-10-01 (server-config's arquillian.xml), so the shares do not depend on the day.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JournalApiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    private static final Charset SJIS = Charset.forName("windows-31j");

    /** 営業1課 (sato) with yamada; 課長, then accounting; rail under 公共交通機関特例; the bank's name as sub-account. */
    private static final String ORGANISATION = """
            department 110 営業部 - kato
            department 111 営業1課 110 sato
            member yamada 111
            member sato 111
            member suzuki 111
            route 標準 100 2020-01-01 -
            step 課長承認 MANAGER 1
            step 経理承認 ROLE ACCOUNTING
            payer 0123456789 ｻﾌｧｲｱﾃｽﾄ(ｶ 0005 001 1 1234567
            account 7110 旅費交通費 - PUBLIC_TRANSPORT
            journal LINE 三井住友銀行 NAME NONE
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    /** Today in Tokyo, when the reports are approved, as the files write it; the lines are of the day before. */
    private LocalDate today;
    private String day;

    @BeforeEach
    void timeStandsStill() {
        ServerClock.freezeNow();
        today = ServerClock.today(TestClock.TOKYO);
        day = today.toString().replace('-', '/');
    }

    private static ApiCompany company() {
        return ApiCompany.create(idp, ORGANISATION, "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato",
                "EMPLOYEE:SUBJECT:suzuki", "ACCOUNTING:SUBJECT:suzuki", "TENANT_ADMIN:SUBJECT:admin", "EMPLOYEE:SUBJECT:admin");
    }

    /** 山田's trip of yesterday: a rail fare, a book with a registration number, a café without one; approved by 佐藤 and 鈴木. */
    private static String trip(ApiCompany company) {
        ApiClient yamada = company.signIn("yamada");
        String id = (String) expect(yamada.post("/reports", "{\"title\": \"大阪出張\"}"), 201).get("id");
        String day = ServerClock.today(TestClock.TOKYO).minusDays(1).toString();
        line(yamada, id, """
                {"spentOn": "%s", "categoryId": "%s", "amountYen": 13870, "payee": "JR東海", "routeFrom": "東京", "routeTo": "新大阪"}"""
                .formatted(day, company.tenant().category("7110")), false);
        line(yamada, id, """
                {"spentOn": "%s", "categoryId": "%s", "amountYen": 3520, "payee": "丸善", "invoiceNumber": "T5010001034867"}"""
                .formatted(day, company.tenant().category("7410")), true);
        line(yamada, id, """
                {"spentOn": "%s", "categoryId": "%s", "amountYen": 1080, "payee": "喫茶店"}"""
                .formatted(day, company.tenant().category("7310")), true);
        expect(yamada.post("/reports/" + id + "/submit", "", "*"), 200);
        expect(company.signIn("sato").post("/reports/" + id + "/approve", "{}", "*"), 200);
        expect(company.signIn("suzuki").post("/reports/" + id + "/approve", "{}", "*"), 200);
        return id;
    }

    private static void line(ApiClient applicant, String report, String json, boolean receipt) {
        List<Map<String, Object>> lines = list(expect(applicant.post("/reports/" + report + "/lines", json, "*"), 201).get("lines"));
        if (receipt) {
            String line = (String) lines.get(lines.size() - 1).get("id");
            expect(applicant.upload("/reports/" + report + "/lines/" + line + "/receipt", "receipt.pdf",
                    ("%PDF-1.7 " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII)), 201);
        }
    }

    @Test
    void eachLineShowsItsInvoiceStatusAndAccountingOverridesOneWithAReasonInTheActionLog() {
        ApiCompany company = company();
        String id = trip(company);
        ApiClient suzuki = company.signIn("suzuki");
        Map<String, Object> report = expect(company.signIn("yamada").get("/reports/" + id), 200);
        assertThat(list(report.get("lines"))).extracting(l -> ApiClient.object(l.get("invoice")))
                .extracting(i -> i.get("status"), i -> i.get("deductiblePercent"), i -> i.get("deductibleTaxYen"), i -> i.get("overridden"))
                .containsExactly(tuple("PUBLIC_TRANSPORT", 100L, 1_260L, false), tuple("QUALIFIED", 100L, 320L, false),
                        tuple("TRANSITIONAL", 60L, 48L, false));
        assertThat(report).containsEntry("deductibleTaxYen", 1_628L);
        String cafe = (String) list(report.get("lines")).get(2).get("id");

        Map<String, Object> overridden = expect(suzuki.put("/reports/" + id + "/lines/" + cafe + "/invoice",
                "{\"status\": \"QUALIFIED\", \"reason\": \"請求書に登録番号の記載あり\"}", "*"), 200);
        assertThat(ApiClient.object(list(overridden.get("lines")).get(2).get("invoice")))
                .containsEntry("status", "QUALIFIED").containsEntry("deductibleTaxYen", 80L).containsEntry("overridden", true)
                .containsEntry("reason", "請求書に登録番号の記載あり");
        assertThat(overridden).containsEntry("deductibleTaxYen", 1_660L);
        List<Map<String, Object>> actions = ApiClient.listBody(suzuki.get("/reports/" + id + "/actions"));
        assertThat(actions.get(actions.size() - 1)).containsEntry("action", "INVOICE_OVERRIDDEN").containsEntry("actor", "suzuki さん")
                .containsEntry("comment", "QUALIFIED: 請求書に登録番号の記載あり").containsEntry("lineId", cafe);
        assertThat(expect(company.signIn("admin").get("/action-log/verification"), 200)).containsEntry("intact", true);
        assertThat(lines(suzuki.download("/journal?format=yayoi&basis=approved&from=" + today + "&to=" + today), SJIS).get(2))
                .contains("\"課対仕入込軽減8%適格\"");
    }

    @Test
    void aBadOverrideIsRefusedNamingTheFieldOtherRolesAreForbiddenAndNothingIsStored() {
        ApiCompany company = company();
        String id = trip(company);
        ApiClient suzuki = company.signIn("suzuki");
        String cafe = (String) list(expect(suzuki.get("/reports/" + id), 200).get("lines")).get(2).get("id");
        String path = "/reports/" + id + "/lines/" + cafe + "/invoice";

        assertThat(list(expect(suzuki.put(path, "{\"status\": \"NOT_TAXABLE\", \"reason\": \" \"}", "*"), 422).get("errors")))
                .extracting(e -> e.get("field"), e -> e.get("message")).containsExactly(
                        tuple("status", "「対象外」は税区分から決まるため、選べません。"),
                        tuple("reason", "インボイス区分を変更する理由を入力してください。"));
        assertThat(list(expect(suzuki.put(path, "{\"reason\": \"" + "長".repeat(501) + "\"}", "*"), 422).get("errors")))
                .extracting(e -> e.get("field")).containsExactly("status", "reason");
        assertThat(list(expect(suzuki.put(path, "{\"status\": \"MAYBE\", \"reason\": \"x\"}", "*"), 422).get("errors")))
                .extracting(e -> e.get("field")).containsExactly("status");
        for (String subject : List.of("yamada", "sato", "admin")) {
            assertThat(company.signIn(subject).put(path, "{\"status\": \"QUALIFIED\", \"reason\": \"x\"}", "*").statusCode())
                    .as(subject).isEqualTo(403);
        }
        ApiClient stranger = company().signIn("suzuki");
        expect(stranger.put(path, "{\"status\": \"QUALIFIED\", \"reason\": \"x\"}", "*"), 404);
        assertThat(Superuser.column("SELECT count(*)::text FROM invoice_override WHERE tenant_id = ?", company.tenant().id()))
                .containsExactly("0");
        assertThat(ApiClient.listBody(suzuki.get("/reports/" + id + "/actions")))
                .noneMatch(action -> "INVOICE_OVERRIDDEN".equals(action.get("action")));

        String draft = ApiReports.draft(company.tenant(), company.signIn("yamada"), "下書き", 1_000);
        String draftLine = (String) list(expect(company.signIn("yamada").get("/reports/" + draft), 200).get("lines")).get(0).get("id");
        assertThat(expect(suzuki.put("/reports/" + draft + "/lines/" + draftLine + "/invoice",
                "{\"status\": \"QUALIFIED\", \"reason\": \"x\"}", "*"), 409).get("detail"))
                .isEqualTo("申請前の経費申請のインボイス区分は変更できません。");
    }

    @Test
    void theJournalOfAPeriodAndOfAPaidBatchInEachFormat() {
        ApiCompany company = company();
        String id = trip(company);
        ApiClient yamada = company.signIn("yamada");
        ApiClient suzuki = company.signIn("suzuki");
        String memo = "\"" + id + "\"";

        HttpResponse<byte[]> approved = suzuki.download("/journal?format=yayoi&basis=approved&from=" + today.minusDays(30) + "&to=" + today);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/csv;charset=Shift_JIS");
        assertThat(approved.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("journal-yayoi-approved-" + today.minusDays(30) + "_" + today + ".csv");
        assertThat(lines(approved, SJIS)).containsExactly(
                "\"2110\",\"1\",\"\",\"" + day + "\",\"旅費交通費\",\"\",\"営業1課\",\"課対仕入込10%適格\",\"13870\",\"1260\",\"未払金\",\"\",\"\","
                        + "\"対象外\",\"13870\",\"0\",\"yamada さん 大阪出張 / JR東海\",\"\",\"\",\"0\",\"\"," + memo + ",\"0\",\"0\",\"no\"",
                "\"2100\",\"1\",\"\",\"" + day + "\",\"消耗品費\",\"\",\"営業1課\",\"課対仕入込10%適格\",\"3520\",\"320\",\"未払金\",\"\",\"\","
                        + "\"対象外\",\"3520\",\"0\",\"yamada さん 大阪出張 / 丸善\",\"\",\"\",\"0\",\"\"," + memo + ",\"0\",\"0\",\"no\"",
                "\"2101\",\"1\",\"\",\"" + day + "\",\"会議費\",\"\",\"営業1課\",\"課対仕入込軽減8%区分60%\",\"1080\",\"80\",\"未払金\",\"\",\"\","
                        + "\"対象外\",\"1080\",\"0\",\"yamada さん 大阪出張 / 喫茶店\",\"\",\"\",\"0\",\"\"," + memo + ",\"0\",\"0\",\"no\"");
        assertThat(lines(suzuki.download("/journal?format=yayoi&basis=approved&from=" + today.plusDays(1) + "&to="
                + today.plusDays(30)), SJIS)).as("approved the day before").isEmpty();

        expect(yamada.put("/me/bank-account", """
                {"bankCode": "0001", "branchCode": "001", "accountType": 1, "accountNumber": "1234567", "holderName": "ﾔﾏﾀﾞ"}""",
                "*"), 200);
        LocalDate transfer = BankDays.onOrAfter(ServerClock.today(TestClock.TOKYO).plusDays(2));
        String batch = (String) expect(suzuki.post("/payment-batches", "{\"transferDate\": \"" + transfer + "\", \"reportIds\": [\""
                + id + "\"]}"), 201).get("id");
        expect(suzuki.post("/payment-batches/" + batch + "/export", "", "*"), 200);
        assertThat(lines(suzuki.download("/journal/payment-batches/" + batch + "?format=yayoi"), SJIS))
                .as("not paid yet: the approval entries only").hasSize(3);
        expect(suzuki.post("/payment-batches/" + batch + "/paid", "", "*"), 200);

        String paidDay = transfer.toString().replace('-', '/');
        String payment = "\"2000\",\"2\",\"\",\"" + paidDay + "\",\"未払金\",\"\",\"\",\"対象外\",\"18470\",\"0\",\"普通預金\",\"三井住友銀行\","
                + "\"\",\"対象外\",\"18470\",\"0\",\"yamada さん 大阪出張\",\"\",\"\",\"0\",\"\"," + memo + ",\"0\",\"0\",\"no\"";
        List<String> yayoi = lines(suzuki.download("/journal/payment-batches/" + batch + "?format=yayoi"), SJIS);
        assertThat(yayoi).hasSize(4).endsWith(payment);
        assertThat(lines(suzuki.download("/journal?format=yayoi&basis=paid&from=" + transfer + "&to=" + transfer), SJIS))
                .containsExactly(payment.replace("\"2000\",\"2\"", "\"2000\",\"1\""));

        HttpResponse<byte[]> freee = suzuki.download("/journal/payment-batches/" + batch + "?format=freee");
        assertThat(freee.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        List<String> freeeLines = lines(freee, StandardCharsets.UTF_8);
        assertThat(freeeLines.get(0)).startsWith("\uFEFF\"日付\",\"伝票番号\",\"決算整理仕訳\",\"借方勘定科目\",\"借方税区分\"");
        assertThat(freeeLines).hasSize(5);
        assertThat(freeeLines.get(3)).isEqualTo("\"" + day + "\",\"1\",\"\",\"会議費\",\"課対仕入（控60）8%（軽）\",\"1080\",\"80\",\"喫茶店\","
                + "\"\",\"営業1課\",\"\",\"未払金\",\"対象外\",\"1080\",\"0\",\"yamada さん\",\"\",\"\",\"\",\"yamada さん 大阪出張 / 喫茶店\"," + memo);
        assertThat(lines(suzuki.download("/journal/payment-batches/" + batch + "?format=freee&charset=shift_jis"), SJIS))
                .containsExactlyElementsOf(freeeLines.stream().map(l -> l.replace("\uFEFF", "")).toList());

        List<String> mf = lines(suzuki.download("/journal/payment-batches/" + batch + "?format=mf"), SJIS);
        assertThat(mf).hasSize(5);
        assertThat(mf.get(0).split("\",\"")).hasSize(27);
        assertThat(mf.get(3)).isEqualTo("\"1\",\"" + day + "\",\"会議費\",\"\",\"営業1課\",\"喫茶店\",\"課税仕入 (軽)8%\",\"60%控除\",\"1080\","
                + "\"80\",\"未払金\",\"\",\"\",\"yamada さん\",\"対象外\",\"\",\"1080\",\"0\",\"yamada さん 大阪出張 / 喫茶店\"," + memo
                + ",\"\",\"\",\"\",\"\",\"\",\"\",\"\"");
        assertThat(mf.get(4)).startsWith("\"2\",\"" + paidDay + "\",\"未払金\"").contains("\"普通預金\",\"三井住友銀行\"");
    }

    @Test
    void badJournalRequestsAreRefusedNamingTheParameter() {
        ApiClient suzuki = company().signIn("suzuki");
        assertFields(suzuki.get("/journal?format=excel&basis=approved&from=2026-11-01&to=2026-11-30"), "format");
        assertFields(suzuki.get("/journal?format=yayoi&from=2026-11-01&to=2026-11-30"), "basis");
        assertFields(suzuki.get("/journal?format=yayoi&basis=approved"), "from", "to");
        assertFields(suzuki.get("/journal?format=yayoi&basis=approved&from=2026-11-30&to=2026-11-01"), "to");
        assertFields(suzuki.get("/journal?format=yayoi&basis=approved&from=2025-01-01&to=2026-11-30"), "to");
        assertFields(suzuki.get("/journal?format=yayoi&basis=approved&from=2026-11-01&to=2026-11-31"), "to");
        assertFields(suzuki.get("/journal?format=yayoi&basis=approved&from=2026-11-01&to=2026-11-30&charset=utf-8"), "charset");
        assertFields(suzuki.get("/journal?format=freee&basis=approved&from=2026-11-01&to=2026-11-30&charset=latin1"), "charset");
        assertFields(suzuki.get("/journal/payment-batches/" + UUID.randomUUID()), "format");
        Map<String, Object> refused = expect(suzuki.get("/journal?format=yayoi&basis=sometimes&from=2026-11-01&to=2026-11-30"), 422);
        assertThat(list(refused.get("errors"))).containsExactly(Map.of("field", "basis",
                "message", "approved / paid のいずれかを指定してください。"));
        expect(suzuki.get("/journal/payment-batches/" + UUID.randomUUID() + "?format=mf"), 404);
    }

    @Test
    void onlyAccountingExportsAndAnotherTenantsReportsAndBatchesAreNeverBooked() {
        ApiCompany mine = company();
        ApiCompany theirs = company();
        String id = trip(mine);
        String other = trip(theirs);
        ApiClient suzuki = mine.signIn("suzuki");
        ApiClient yamada = mine.signIn("yamada");
        expect(yamada.put("/me/bank-account", """
                {"bankCode": "0001", "branchCode": "001", "accountType": 1, "accountNumber": "1234567", "holderName": "ﾔﾏﾀﾞ"}""",
                "*"), 200);
        LocalDate transfer = BankDays.onOrAfter(ServerClock.today(TestClock.TOKYO).plusDays(2));
        String batch = (String) expect(suzuki.post("/payment-batches", "{\"transferDate\": \"" + transfer + "\", \"reportIds\": [\""
                + id + "\"]}"), 201).get("id");

        String period = "/journal?format=yayoi&basis=approved&from=" + today + "&to=" + today;
        assertThat(String.join("\n", lines(suzuki.download(period), SJIS))).contains(id).doesNotContain(other);
        ApiClient stranger = theirs.signIn("suzuki");
        assertThat(String.join("\n", lines(stranger.download(period), SJIS))).contains(other).doesNotContain(id);
        assertThat(stranger.download("/journal/payment-batches/" + batch + "?format=yayoi").statusCode()).isEqualTo(404);

        for (String subject : List.of("yamada", "sato", "admin")) {
            ApiClient colleague = mine.signIn(subject);
            assertThat(colleague.download(period).statusCode()).as(subject).isEqualTo(403);
            assertThat(colleague.download("/journal/payment-batches/" + batch + "?format=yayoi").statusCode()).as(subject)
                    .isEqualTo(403);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheJournalApi() {
        HttpResponse<String> document = new Browser().get(OperatorJmx.MANAGEMENT + "/openapi");
        assertThat(document.body()).contains("/v1/journal:").contains("/v1/journal/payment-batches/{id}:")
                .contains("/v1/reports/{id}/lines/{lineId}/invoice:").contains("text/csv");
    }

    private static void assertFields(HttpResponse<String> response, String... fields) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(list(ApiClient.json(response).get("errors"))).extracting(e -> e.get("field")).containsExactly((Object[]) fields);
    }

    /** The file's lines: CRLF after each, nothing else breaking a line. */
    private static List<String> lines(HttpResponse<byte[]> file, Charset charset) {
        assertThat(file.statusCode()).isEqualTo(200);
        String text = new String(file.body(), charset);
        if (text.isEmpty()) {
            return List.of();
        }
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }
}
