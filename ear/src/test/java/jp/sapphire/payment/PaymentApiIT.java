package jp.sapphire.payment;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paying approved reports through the API as accounting, its colleagues and other tenants use it:
 * bank accounts in bank kana, a batch with its 全銀 file byte by byte, PAID in the action log,
 * refusals in words with nothing stored, two accountants racing for one report, the database's
 * own refusal of a report in two batches, other tenants' ids and other roles.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentApiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final Charset SJIS = Charset.forName("Shift_JIS");

    /** 営業1課 (sato) with yamada and tanaka; 標準: 課長, then accounting; the company pays from 0005-001. */
    private static final String ORGANISATION = """
            department 110 営業部 - kato
            department 111 営業1課 110 sato
            member yamada 111
            member tanaka 111
            member sato 111
            member suzuki 111
            member takahashi 111
            route 標準 100 2020-01-01 -
            step 課長承認 MANAGER 1
            step 経理承認 ROLE ACCOUNTING
            payer 0123456789 ｻﾌｧｲｱﾃｽﾄ(ｶ 0005 001 1 1234567
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static ApiCompany company() {
        return ApiCompany.create(idp, ORGANISATION,
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:tanaka", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato",
                "EMPLOYEE:SUBJECT:suzuki", "ACCOUNTING:SUBJECT:suzuki", "EMPLOYEE:SUBJECT:takahashi",
                "ACCOUNTING:SUBJECT:takahashi", "TENANT_ADMIN:SUBJECT:admin", "EMPLOYEE:SUBJECT:admin");
    }

    /** The first bank day after tomorrow in Tokyo, on the server's clock. */
    private static LocalDate transferDay() {
        return BankDays.onOrAfter(ServerClock.today(TestClock.TOKYO).plusDays(2));
    }

    @Test
    void accountingPaysApprovedReportsWithATransferFileAndEveryReportIsPaidInTheChain() throws Exception {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient tanaka = company.signIn("tanaka");
        ApiClient suzuki = company.signIn("suzuki");
        ApiClient takahashi = company.signIn("takahashi");
        Map<String, Object> saved = expect(yamada.put("/me/bank-account", """
                {"bankCode": "0001", "branchCode": "123", "accountType": 1, "accountNumber": "0000123",
                 "holderName": "ガトウ　ケンジ"}""", "*"), 200);
        assertThat(saved).containsEntry("holderName", "ｶﾞﾄｳ ｹﾝｼﾞ");
        expect(tanaka.put("/me/bank-account", """
                {"bankCode": "0009", "branchCode": "456", "accountType": 4, "accountNumber": "7654321",
                 "holderName": "たなか　ゆうこ"}""", "*"), 200);
        assertThat(expect(tanaka.get("/me/bank-account"), 200)).containsEntry("holderName", "ﾀﾅｶ ﾕｳｺ")
                .containsEntry("accountNumber", "7654321");
        String trip = approved(company, yamada, "大阪出張", 13_870);
        String books = approved(company, yamada, "参考図書", 3_520);
        String taxi = approved(company, tanaka, "タクシー", 2_300);

        Map<String, Object> pending = expect(suzuki.get("/payments/pending"), 200);
        assertThat(pending).containsEntry("count", 3L);
        assertThat(list(pending.get("items"))).extracting(item -> item.get("applicant"), item -> item.get("hasAccount"))
                .containsOnly(tuple("yamada さん", true),
                        tuple("tanaka さん", true));

        LocalDate day = transferDay();
        HttpResponse<String> made = suzuki.post("/payment-batches", """
                {"transferDate": "%s", "reportIds": ["%s", "%s", "%s"]}""".formatted(day, trip, books, taxi));
        Map<String, Object> batch = expect(made, 201);
        String id = (String) batch.get("id");
        assertThat(batch).containsEntry("status", "DRAFT").containsEntry("reportCount", 3L).containsEntry("totalYen", 19_690L);
        assertThat(list(batch.get("payees"))).extracting(p -> p.get("name"), p -> p.get("amountYen"))
                .containsExactly(tuple("tanaka さん", 2_300L),
                        tuple("yamada さん", 17_390L));
        assertThat(expect(suzuki.get("/payments/pending"), 200)).containsEntry("count", 0L);
        assertThat(expect(takahashi.post("/reports/" + trip + "/pay", "", "*"), 409).get("detail"))
                .isEqualTo("この経費申請は支払バッチに入っています。支払済にはバッチごと行ってください。");

        Map<String, Object> exported = expect(suzuki.post("/payment-batches/" + id + "/export", "",
                made.headers().firstValue("ETag").orElseThrow()), 200);
        assertThat(exported).containsEntry("status", "EXPORTED");
        HttpResponse<byte[]> file = suzuki.download("/payment-batches/" + id + "/zengin");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/plain;charset=Shift_JIS");
        byte[] bytes = file.body();
        assertThat(suzuki.download("/payment-batches/" + id + "/zengin").body()).isEqualTo(bytes);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(exported.get("fileSha256"));
        String text = new String(bytes, SJIS);
        assertThat(text).endsWith("\r\n");
        assertThat(text.split("\r\n", -1)).hasSize(6);
        List<String> records = List.of(text.split("\r\n"));
        assertThat(records).allSatisfy(record -> assertThat(record.getBytes(SJIS)).hasSize(120));
        String mmdd = "%02d%02d".formatted(day.getMonthValue(), day.getDayOfMonth());
        assertThat(records.get(0)).startsWith("12100123456789" + "ｻﾌｱｲｱﾃｽﾄ(ｶ").contains(mmdd + "0005");
        assertThat(records.get(1)).startsWith("20009").contains("47654321ﾀﾅｶ ﾕｳｺ").contains("0000002300");
        assertThat(records.get(2)).startsWith("20001").contains("10000123ｶﾞﾄｳ ｹﾝｼﾞ").contains("0000017390");
        assertThat(records.get(3)).startsWith("8000002000000019690");
        assertThat(records.get(4)).isEqualTo("9" + " ".repeat(119));

        expect(suzuki.post("/payment-batches/" + id + "/export", "", "*"), 409);
        Map<String, Object> paid = expect(suzuki.post("/payment-batches/" + id + "/paid", "", "*"), 200);
        assertThat(paid).containsEntry("status", "PAID");
        for (String report : List.of(trip, books, taxi)) {
            List<Map<String, Object>> actions = ApiClient.listBody(suzuki.get("/reports/" + report + "/actions"));
            assertThat(actions.get(actions.size() - 1)).containsEntry("action", "PAID").containsEntry("actor", "suzuki さん")
                    .containsEntry("statusBefore", "APPROVED").containsEntry("statusAfter", "PAID");
            assertThat(actions.stream().filter(a -> "PAID".equals(a.get("action")))).hasSize(1);
        }
        assertThat(expect(yamada.get("/reports/" + trip), 200)).containsEntry("status", "PAID");
        assertThat(expect(company.signIn("admin").get("/action-log/verification"), 200)).containsEntry("intact", true);
        assertThat(suzuki.download("/payment-batches/" + id + "/zengin").body()).isEqualTo(bytes);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient tanaka = company.signIn("tanaka");
        ApiClient suzuki = company.signIn("suzuki");

        Map<String, Object> refused = expect(yamada.put("/me/bank-account", """
                {"bankCode": "12", "branchCode": "12a", "accountType": 3, "accountNumber": "12345678",
                 "holderName": "山田　タロウ"}""", "*"), 422);
        assertThat(list(refused.get("errors"))).extracting(e -> e.get("field"), e -> e.get("message")).containsExactly(
                tuple("bankCode", "銀行コードは4桁の数字で入力してください。"),
                tuple("branchCode", "支店コードは3桁の数字で入力してください。"),
                tuple("accountType", "預金種目は普通 (1)、当座 (2)、貯蓄 (4) のいずれかを選んでください。"),
                tuple("accountNumber", "口座番号は7桁の数字で入力してください (7桁未満の場合は先頭を0で埋めます)。"),
                tuple("holderName",
                        "「山」は銀行に送れない文字です。カナ・英大文字・数字・スペースと ( ) - . / , で入力してください。"));
        Map<String, Object> english = ApiClient.json(yamada.put("/me/bank-account", """
                {"bankCode": "0001", "branchCode": "001", "accountType": 1, "accountNumber": "1234567", "holderName": ""}""",
                "*"));
        expect(yamada.get("/me/bank-account"), 404);
        assertThat(list(english.get("errors"))).extracting(e -> e.get("field")).containsExactly("holderName");

        withAccount(yamada, "1234567", "ﾔﾏﾀﾞ");
        String yamadas = approved(company, yamada, "申請A", 1_000);
        String tanakas = approved(company, tanaka, "申請B", 2_000);
        LocalDate today = ServerClock.today(TestClock.TOKYO);
        LocalDate saturday = today.plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        assertField(expect(suzuki.post("/payment-batches", batchOf(saturday, yamadas)), 422), "transferDate",
                "振込指定日は銀行営業日にしてください (次の営業日は " + BankDays.onOrAfter(saturday) + " です)。");
        assertField(expect(suzuki.post("/payment-batches", batchOf(today.minusDays(1), yamadas)), 422), "transferDate",
                "振込指定日には明日以降の日付を指定してください。");
        assertField(expect(suzuki.post("/payment-batches", "{\"transferDate\": \"" + transferDay() + "\", \"reportIds\": []}"),
                422), "reportIds", "支払バッチには経費申請を1〜500件指定してください。");
        assertField(expect(suzuki.post("/payment-batches", "{\"reportIds\": [\"" + yamadas + "\"]}"), 422), "transferDate",
                "振込指定日を入力してください。");
        assertField(expect(suzuki.post("/payment-batches", batchOf(transferDay(), yamadas, tanakas)), 422), "reportIds",
                "tanaka さん さんの振込先口座が登録されていません。");
        assertField(expect(suzuki.post("/payment-batches", "{\"transferDate\": \"2026-13-01\", \"reportIds\": [\"" + yamadas
                + "\"]}"), 422), "transferDate", "日付は yyyy-mm-dd の形式で指定してください。");
        assertField(expect(suzuki.get("/payments/pending?departmentId=x"), 422), "departmentId",
                "ID (UUID) の形式で指定してください。");

        assertThat(ApiClient.listBody(suzuki.get("/payment-batches"))).isEmpty();
        assertThat(expect(suzuki.get("/payments/pending"), 200)).containsEntry("count", 2L);
    }

    @Test
    void twoAccountantsRacingForOneReportOneWinsAndTheDatabaseRefusesASecondOpenBatch() throws Exception {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient suzuki = company.signIn("suzuki");
        ApiClient takahashi = company.signIn("takahashi");
        withAccount(yamada, "1234567", "ﾔﾏﾀﾞ");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String report = approved(company, yamada, "同時支払 " + round, 1_000 + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> racing = new ArrayList<>();
                for (ApiClient accountant : List.of(suzuki, takahashi)) {
                    Callable<HttpResponse<String>> take = () -> {
                        start.await();
                        return accountant.post("/payment-batches", batchOf(transferDay(), report));
                    };
                    racing.add(threads.submit(take));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> outcome : racing) {
                    HttpResponse<String> response = outcome.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 409) {
                        assertThat(ApiClient.json(response).get("detail"))
                                .isEqualTo("「同時支払 " + round + "」はすでに別の支払バッチに入っています。");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
                assertThat(Superuser.column("SELECT count(*)::text FROM payment_batch_item WHERE report_id = ?",
                        UUID.fromString(report)))
                        .containsExactly("1");
            }
        } finally {
            threads.shutdownNow();
        }
        String held = Superuser.column("SELECT report_id::text FROM payment_batch_item WHERE tenant_id = ? LIMIT 1",
                company.tenant().id()).get(0);
        assertThatThrownBy(() -> Superuser.execute("""
                INSERT INTO payment_batch_item (id, tenant_id, batch_id, report_id)
                SELECT gen_random_uuid(), tenant_id, batch_id, report_id FROM payment_batch_item WHERE report_id = '%s'"""
                .formatted(held))).hasStackTraceContaining("payment_batch_item_open");
    }

    @Test
    void cancellingFreesTheReportsAndAFinishedBatchRefusesEveryChange() {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient suzuki = company.signIn("suzuki");
        withAccount(yamada, "1234567", "ﾔﾏﾀﾞ");
        String first = approved(company, yamada, "取消される申請", 1_000);
        String second = approved(company, yamada, "追加する申請", 2_000);
        String id = (String) expect(suzuki.post("/payment-batches", batchOf(transferDay(), first)), 201).get("id");
        String path = "/payment-batches/" + id;
        assertThat(suzuki.download(path + "/zengin").statusCode()).as("a draft has no file yet").isEqualTo(409);
        assertThat(expect(suzuki.post(path + "/reports", "{\"reportIds\": [\"" + second + "\"]}", "*"), 200))
                .containsEntry("reportCount", 2L);
        assertThat(expect(suzuki.delete(path + "/reports/" + second), 200)).containsEntry("reportCount", 1L);
        expect(suzuki.post(path + "/paid", "", "*"), 409);
        expect(suzuki.post(path + "/export", "", "*"), 200);
        expect(suzuki.post(path + "/reports", "{\"reportIds\": [\"" + second + "\"]}", "*"), 409);
        expect(suzuki.delete(path + "/reports/" + first), 409);
        assertThat(expect(suzuki.post(path + "/cancel", "", "*"), 200)).containsEntry("status", "CANCELLED")
                .containsEntry("reportCount", 0L);
        for (String action : List.of("/export", "/paid", "/cancel")) {
            expect(suzuki.post(path + action, "", "*"), 409);
        }
        expect(suzuki.post(path + "/reports", "{\"reportIds\": [\"" + second + "\"]}", "*"), 409);
        assertThat(suzuki.download(path + "/zengin").statusCode()).isEqualTo(409);
        assertThat(expect(suzuki.get("/payments/pending"), 200)).containsEntry("count", 2L);
        assertThat(expect(suzuki.post("/payment-batches", batchOf(transferDay(), first, second)), 201))
                .containsEntry("reportCount", 2L);
        assertThat(expect(yamada.get("/reports/" + first), 200)).containsEntry("status", "APPROVED");
    }

    @Test
    void anotherTenantsIdsAreNotFoundAndOtherRolesAreForbiddenAtEveryPaymentEndpoint() {
        ApiCompany mine = company();
        ApiCompany theirs = company();
        ApiClient yamada = mine.signIn("yamada");
        ApiClient suzuki = mine.signIn("suzuki");
        withAccount(yamada, "1234567", "ﾔﾏﾀﾞ");
        String report = approved(mine, yamada, "他社から見えない支払", 5_000);
        String other = approved(mine, yamada, "もう一件", 6_000);
        String id = (String) expect(suzuki.post("/payment-batches", batchOf(transferDay(), report)), 201).get("id");
        String path = "/payment-batches/" + id;

        ApiClient stranger = theirs.signIn("suzuki");
        expect(stranger.get(path), 404);
        expect(stranger.post(path + "/reports", "{\"reportIds\": [\"" + other + "\"]}", "*"), 404);
        expect(stranger.delete(path + "/reports/" + report), 404);
        expect(stranger.post(path + "/export", "", "*"), 404);
        assertThat(stranger.download(path + "/zengin").statusCode()).isEqualTo(404);
        expect(stranger.post(path + "/paid", "", "*"), 404);
        expect(stranger.post(path + "/cancel", "", "*"), 404);
        expect(stranger.post("/payment-batches", batchOf(transferDay(), other)), 404);
        assertThat(ApiClient.listBody(stranger.get("/payment-batches"))).isEmpty();
        assertThat(expect(stranger.get("/payments/pending"), 200)).containsEntry("count", 0L);
        expect(stranger.get("/me/bank-account"), 404);

        for (String subject : List.of("yamada", "sato", "admin")) {
            ApiClient colleague = mine.signIn(subject);
            assertThat(colleague.get("/payments/pending").statusCode()).as(subject).isEqualTo(403);
            assertThat(colleague.get("/payment-batches").statusCode()).isEqualTo(403);
            assertThat(colleague.post("/payment-batches", batchOf(transferDay(), other)).statusCode()).isEqualTo(403);
            assertThat(colleague.get(path).statusCode()).isEqualTo(403);
            assertThat(colleague.post(path + "/reports", "{\"reportIds\": [\"" + other + "\"]}", "*").statusCode())
                    .isEqualTo(403);
            assertThat(colleague.delete(path + "/reports/" + report).statusCode()).isEqualTo(403);
            assertThat(colleague.post(path + "/export", "", "*").statusCode()).isEqualTo(403);
            assertThat(colleague.download(path + "/zengin").statusCode()).isEqualTo(403);
            assertThat(colleague.post(path + "/paid", "", "*").statusCode()).isEqualTo(403);
            assertThat(colleague.post(path + "/cancel", "", "*").statusCode()).isEqualTo(403);
        }
        withAccount(suzuki, "7777777", "ｽｽﾞｷ");
        String own = approvedBy(mine, suzuki, mine.signIn("takahashi"), "自分の申請", 700);
        assertThat(expect(suzuki.post("/payment-batches", batchOf(transferDay(), own)), 403).get("detail"))
                .isEqualTo("ご自身の経費申請は支払済にできません。");
        assertThat(expect(suzuki.get(path), 200)).containsEntry("status", "DRAFT").containsEntry("reportCount", 1L);
    }

    @Test
    void theOpenApiDocumentDescribesThePaymentApi() {
        HttpResponse<String> document = new Browser().get(OperatorJmx.MANAGEMENT + "/openapi");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/v1/me/bank-account:").contains("/v1/payments/pending:")
                .contains("/v1/payment-batches:").contains("/v1/payment-batches/{id}:").contains("/v1/payment-batches/{id}/export:")
                .contains("/v1/payment-batches/{id}/zengin:").contains("text/plain; charset=Shift_JIS")
                .contains("/v1/payment-batches/{id}/paid:").contains("/v1/payment-batches/{id}/cancel:");
    }

    /** The member's own bank account at bank 0001, branch 001, 普通. */
    private static void withAccount(ApiClient member, String number, String holder) {
        expect(member.put("/me/bank-account", """
                {"bankCode": "0001", "branchCode": "001", "accountType": 1, "accountNumber": "%s", "holderName": "%s"}"""
                .formatted(number, holder), "*"), 200);
    }

    private static String approved(ApiCompany company, ApiClient applicant, String title, long yen) {
        return approvedBy(company, applicant, company.signIn("takahashi"), title, yen);
    }

    /** Submitted by the applicant, approved by sato (their manager) and by an accountant at the second step. */
    private static String approvedBy(ApiCompany company, ApiClient applicant, ApiClient accountant, String title, long yen) {
        String id = ApiReports.submitted(company.tenant(), applicant, title, yen);
        expect(company.signIn("sato").post("/reports/" + id + "/approve", "{}", "*"), 200);
        expect(accountant.post("/reports/" + id + "/approve", "{}", "*"), 200);
        return id;
    }

    private static String batchOf(LocalDate day, String... reports) {
        return "{\"transferDate\": \"" + day + "\", \"reportIds\": [" + String.join(", ",
                Arrays.stream(reports).map(r -> "\"" + r + "\"").toList()) + "]}";
    }

    private static void assertField(Map<String, Object> problem, String field, String message) {
        assertThat(list(problem.get("errors"))).containsExactly(Map.of("field", field, "message", message));
    }
}
