package jp.sapphire.approval;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.clock.TestClock;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Approval through the REST API as integrations and attackers use it: the inbox, decisions with
 * If-Match, problems in words, other tenants' ids, two approvers racing on one step, the action log
 * as CSV, and the hash chain against someone who rewrites the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApprovalApiIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    /** The organisation of every tenant here: 営業部 (kato) > 営業1課 (sato, yamada); 標準: 課長, then accounting. */
    private static final String ORGANISATION = """
            department 110 営業部 - kato
            department 111 営業1課 110 sato
            member yamada 111
            member sato 111
            route 標準 100 2020-01-01 -
            step 課長承認 MANAGER 1
            step 経理承認 ROLE ACCOUNTING
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static ApiCompany company() {
        return ApiCompany.create(idp, ORGANISATION,
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato", "EMPLOYEE:SUBJECT:kato",
                "EMPLOYEE:SUBJECT:suzuki", "ACCOUNTING:SUBJECT:suzuki", "EMPLOYEE:SUBJECT:takahashi",
                "ACCOUNTING:SUBJECT:takahashi", "EMPLOYEE:SUBJECT:tanaka", "TENANT_ADMIN:SUBJECT:admin",
                "EMPLOYEE:SUBJECT:admin");
    }

    @Test
    void aReportGoesFromSubmissionThroughBothStepsToPaymentWithEveryEventLogged() {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient sato = company.signIn("sato");
        ApiClient suzuki = company.signIn("suzuki");
        String id = submitted(company, yamada, "大阪出張", 13_870);

        Map<String, Object> inbox = expect(sato.get("/approvals"), 200);
        assertThat(inbox).containsEntry("count", 1L);
        Map<String, Object> pending = list(inbox.get("items")).get(0);
        assertThat(pending).containsEntry("applicant", "yamada さん").containsEntry("step", 1L)
                .containsEntry("stepName", "課長承認");
        assertThat(expect(suzuki.get("/approvals"), 200)).containsEntry("count", 0L);

        HttpResponse<String> current = sato.get("/reports/" + id);
        String stale = etag(current);
        Map<String, Object> afterStep1 = expect(sato.post("/reports/" + id + "/approve", "{\"comment\": \"確認しました\"}",
                stale), 200);
        assertThat(afterStep1).containsEntry("status", "SUBMITTED").containsEntry("currentStep", 2L);
        assertThat(list(afterStep1.get("lines"))).hasSize(1);
        Map<String, Object> conflict = expect(sato.post("/reports/" + id + "/approve", "{}", stale), 409);
        assertThat(conflict.get("detail")).isEqualTo("この経費申請は他の画面で変更されました。最新の内容を読み込んでからやり直してください。");

        assertThat(ApiClient.listBody(sato.get("/reports/" + id + "/route")))
                .extracting(step -> step.get("name"), step -> step.get("current"))
                .containsExactly(tuple("課長承認", false),
                        tuple("経理承認", true));
        expect(suzuki.post("/reports/" + id + "/approve", "{}", "*"), 200);
        Map<String, Object> paid = expect(suzuki.post("/reports/" + id + "/pay", "", "*"), 200);
        assertThat(paid).containsEntry("status", "PAID");

        List<Map<String, Object>> actions = ApiClient.listBody(yamada.get("/reports/" + id + "/actions"));
        assertThat(actions).extracting(a -> a.get("action"), a -> a.get("actor"))
                .containsExactly(
                        tuple("CREATED", "yamada さん"),
                        tuple("LINE_ADDED", "yamada さん"),
                        tuple("RECEIPT_ADDED", "yamada さん"),
                        tuple("SUBMITTED", "yamada さん"),
                        tuple("APPROVED", "sato さん"),
                        tuple("APPROVED", "suzuki さん"),
                        tuple("PAID", "suzuki さん"));
        assertThat(actions.get(4)).containsEntry("comment", "確認しました").containsEntry("statusBefore", "SUBMITTED")
                .containsEntry("stepBefore", 1L).containsEntry("stepAfter", 2L);
        assertThat(actions).allSatisfy(action -> assertThat((String) action.get("hash")).hasSize(64));
    }

    @Test
    void decisionsThatBreakARuleAreRefusedInTheCallersLanguageAndChangeNothing() {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient sato = company.signIn("sato");
        ApiClient suzuki = company.signIn("suzuki");
        ApiClient tanaka = company.signIn("tanaka");
        String id = submitted(company, yamada, "差し戻しの確認", 5_000);
        String path = "/reports/" + id;

        assertField(expect(sato.post(path + "/return", "{\"comment\": \"  \"}", "*"), 422), "comment",
                "コメント (理由) を入力してください。");
        assertField(ApiClient.json(sato.post(path + "/reject", "{}", "*", "en")), "comment", "Enter a comment (the reason).");
        assertField(expect(sato.post(path + "/return", "{\"comment\": \"戻します\", \"toStep\": 1}", "*"), 422), "toStep",
                "差し戻し先には、現在のステップ (1) より前のステップか申請者を選んでください。");
        assertField(expect(sato.post(path + "/approve", "{\"comment\": \"" + "長".repeat(2001) + "\"}", "*"), 422),
                "comment", "コメントは2000文字以内で入力してください。");
        assertThat(expect(yamada.post(path + "/approve", "{}", "*"), 403).get("detail"))
                .isEqualTo("ご自身の経費申請は承認・差し戻し・却下できません。");
        assertThat(expect(suzuki.post(path + "/approve", "{}", "*"), 403).get("detail"))
                .isEqualTo("この経費申請は、現在あなたが承認するステップにありません。");
        assertThat(expect(suzuki.post(path + "/pay", "", "*"), 409).get("detail"))
                .isEqualTo("この経費申請の現在の状態では、その操作はできません。");
        expect(tanaka.post(path + "/approve", "{}", "*"), 404);
        expect(sato.post(path + "/approve", "{\"comment\": ", "*"), 400);
        assertField(expect(sato.get("/approvals?submittedFrom=yesterday"), 422), "submittedFrom",
                "日付は yyyy-mm-dd の形式で指定してください。");
        assertField(expect(sato.post("/approvals/approve", "{\"ids\": []}"), 422), "ids",
                "一括承認する申請を1〜200件指定してください。");

        Map<String, Object> report = expect(yamada.get(path), 200);
        assertThat(report).containsEntry("status", "SUBMITTED").containsEntry("currentStep", 1L);
        assertThat(ApiClient.listBody(yamada.get(path + "/actions"))).extracting(a -> a.get("action"))
                .containsExactly("CREATED", "LINE_ADDED", "RECEIPT_ADDED", "SUBMITTED");
    }

    @Test
    void anotherTenantsReportIsNotFoundAtEveryApprovalEndpointAndNeverListed() {
        ApiCompany mine = company();
        ApiCompany theirs = company();
        ApiClient yamada = mine.signIn("yamada");
        String id = submitted(mine, yamada, "他社から見えない申請", 7_700);
        String line = (String) list(expect(yamada.get("/reports/" + id), 200).get("lines")).get(0).get("id");
        ApiClient strangerApprover = theirs.signIn("sato");
        ApiClient strangerAccounting = theirs.signIn("suzuki");
        String path = "/reports/" + id;

        for (ApiClient stranger : List.of(strangerApprover, strangerAccounting)) {
            expect(stranger.post(path + "/approve", "{}", "*"), 404);
            expect(stranger.post(path + "/return", "{\"comment\": \"x\"}", "*"), 404);
            expect(stranger.post(path + "/reject", "{\"comment\": \"x\"}", "*"), 404);
            expect(stranger.post(path + "/pay", "", "*"), 404);
            expect(stranger.post(path + "/lines/" + line + "/comments", "{\"comment\": \"x\"}"), 404);
            expect(stranger.get(path + "/actions"), 404);
            expect(stranger.get(path + "/route"), 404);
            assertThat(expect(stranger.get("/approvals"), 200)).containsEntry("count", 0L);
            Map<String, Object> bulk = expect(stranger.post("/approvals/approve", "{\"ids\": [\"" + id + "\"]}"), 200);
            assertThat(list(bulk.get("approved"))).isEmpty();
        }
        String csv = strangerAccounting.get("/action-log?from=" + ApiReports.yesterday() + "&to=" + ServerClock.today(TestClock.TOKYO).plusDays(1)).body();
        assertThat(csv).doesNotContain(id).doesNotContain("他社から見えない申請");
        assertThat(expect(yamada.get(path), 200)).containsEntry("status", "SUBMITTED").containsEntry("currentStep", 1L);
    }

    @Test
    void twoApproversDecidingOneStepAtOnceOneWinsAndTheOtherIsToldWhy() throws Exception {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient sato = company.signIn("sato");
        ApiClient suzuki = company.signIn("suzuki");
        ApiClient takahashi = company.signIn("takahashi");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String id = submitted(company, yamada, "同時承認 " + round, 1_000 + round);
                expect(sato.post("/reports/" + id + "/approve", "{}", "*"), 200);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> racing = new ArrayList<>();
                for (ApiClient accountant : List.of(suzuki, takahashi)) {
                    Callable<HttpResponse<String>> approve = () -> {
                        start.await();
                        return accountant.post("/reports/" + id + "/approve", "{}");
                    };
                    racing.add(threads.submit(approve));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> outcome : racing) {
                    HttpResponse<String> response = outcome.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 409) {
                        assertThat((String) ApiClient.json(response).get("detail")).isNotBlank();
                    }
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                assertThat(ApiClient.listBody(yamada.get("/reports/" + id + "/actions")))
                        .filteredOn(a -> "APPROVED".equals(a.get("action")) && Long.valueOf(2).equals(a.get("stepBefore")))
                        .as("round " + round).hasSize(1);
                assertThat(expect(yamada.get("/reports/" + id), 200)).containsEntry("status", "APPROVED");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void accountingExportsTheActionLogOfAPeriodAsCsvForExcelInTheirZone() {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient suzuki = company.signIn("suzuki");
        String id = submitted(company, yamada, "=HYPERLINK(\"x\")", 2_000);
        String today = ServerClock.today(TestClock.TOKYO).toString();

        HttpResponse<byte[]> download = suzuki.download(ApiClient.API + "/action-log?from=" + today + "&to=" + today);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(download.headers().firstValue("Content-Disposition")).get().asString()
                .contains("action-log-" + today + "-" + today + ".csv");
        byte[] bytes = download.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("\"連番\",\"日時 (Asia/Tokyo)\",\"申請ID\",\"件名\"");
        List<String> rows = List.of(lines).subList(1, lines.length);
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row).contains(id).contains("\"'=HYPERLINK(\"\"x\"\")\""));
        assertThat(rows).extracting(row -> row.split("\",\"")[5]).containsExactly("作成", "明細追加", "領収書添付", "申請");
        String submittedAt = (String) ApiClient.listBody(yamada.get("/reports/" + id + "/actions")).get(3).get("occurredAt");
        String inTokyo = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"))
                .format(Instant.parse(submittedAt));
        assertThat(rows.get(3).split("\",\"")[1]).isEqualTo(inTokyo);

        assertThat(new String(suzuki.download(ApiClient.API + "/action-log?from=" + today + "&to=" + today, "en").body(),
                StandardCharsets.UTF_8)).contains("\"No.\",\"Time (Asia/Tokyo)\"").contains("\"Submitted\"");
        assertThat(expect(yamada.get("/action-log?from=" + today + "&to=" + today), 403).get("detail"))
                .isEqualTo("アクションログを出力できるのは経理担当者とテナント管理者だけです。");
        assertField(expect(suzuki.get("/action-log?from=" + today + "&to=2020-01-01"), 422), "to",
                "期間は開始日から終了日まで、366日以内で指定してください。");
    }

    @Test
    void theHashChainShowsAnEntryAlteredOrRemovedByWhoeverHasTheDatabase() {
        ApiCompany company = company();
        ApiClient yamada = company.signIn("yamada");
        ApiClient admin = company.signIn("admin");
        submitted(company, yamada, "改ざん検知", 3_000);
        UUID tenant = company.tenant().id();
        assertThat(expect(admin.get("/action-log/verification"), 200)).containsEntry("intact", true).containsEntry("entries", 4L);
        expect(yamada.get("/action-log/verification"), 403);

        String original = Superuser.column("SELECT coalesce(comment, '') FROM action_log WHERE tenant_id = ? AND seq = 2", tenant)
                .get(0);
        Superuser.execute("SET session_replication_role = replica",
                "UPDATE action_log SET comment = 'こっそり' WHERE tenant_id = '" + tenant + "' AND seq = 2");
        assertThat(expect(admin.get("/action-log/verification"), 200)).containsEntry("intact", false)
                .containsEntry("brokenAt", 2L).containsEntry("reason", "altered");

        Superuser.execute("SET session_replication_role = replica", "UPDATE action_log SET comment = "
                + (original.isEmpty() ? "NULL" : "'" + original + "'") + " WHERE tenant_id = '" + tenant + "' AND seq = 2");
        assertThat(expect(admin.get("/action-log/verification"), 200)).containsEntry("intact", true);

        Superuser.execute("SET session_replication_role = replica",
                "DELETE FROM action_log WHERE tenant_id = '" + tenant + "' AND seq = 4");
        assertThat(expect(admin.get("/action-log/verification"), 200)).containsEntry("intact", false)
                .containsEntry("brokenAt", 4L).containsEntry("reason", "truncated");

        Superuser.execute("SET session_replication_role = replica",
                "DELETE FROM action_log WHERE tenant_id = '" + tenant + "' AND seq = 2");
        assertThat(expect(admin.get("/action-log/verification"), 200)).containsEntry("intact", false)
                .containsEntry("brokenAt", 2L).containsEntry("reason", "missing");
    }

    @Test
    void theApplicationsOwnLoginsCanNeitherChangeNorRemoveAnEntry() throws SQLException {
        ApiCompany company = company();
        submitted(company, company.signIn("yamada"), "追記のみ", 3_000);
        String tenant = company.tenant().id().toString();

        for (String role : List.of("sapphire_app", "sapphire_owner", "sapphire_system")) {
            for (String change : List.of("UPDATE action_log SET comment = 'x'", "DELETE FROM action_log")) {
                if (role.equals("sapphire_system") && change.startsWith("DELETE")) {
                    continue;
                }
                try (Connection connection = Superuser.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("SET ROLE " + role);
                    statement.execute("SELECT set_config('sapphire.tenant_id', '" + tenant + "', false)");
                    assertThatThrownBy(() -> statement.executeUpdate(change + " WHERE tenant_id = '" + tenant + "'"))
                            .as(role + ": " + change).isInstanceOf(SQLException.class)
                            .satisfies(refused -> assertThat(((SQLException) refused).getSQLState()).isEqualTo("42501"));
                }
            }
        }
        assertThat(Superuser.column("SELECT count(*) FROM action_log WHERE tenant_id = ?::uuid AND comment = 'x'", tenant))
                .containsExactly("0");
    }

    private static String submitted(ApiCompany company, ApiClient applicant, String title, long yen) {
        return ApiReports.submitted(company.tenant(), applicant, title, yen);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static void assertField(Map<String, Object> problem, String field, String message) {
        assertThat(list(problem.get("errors"))).containsExactly(Map.of("field", field, "message", message));
    }
}
