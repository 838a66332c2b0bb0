package jp.sapphire.receipt;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
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
 * The 電子帳簿保存法 search through the API: by 取引年月日, 金額 and 取引先, alone and together, ranges
 * inclusive at both ends; submitted lines only, with every receipt version; another tenant's lines
 * never found; employees and approvers refused; bad ranges named.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecordsIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static RemoteTenant company() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato", "EMPLOYEE:SUBJECT:suzuki",
                "ACCOUNTING:SUBJECT:suzuki", "TENANT_ADMIN:SUBJECT:admin", "EMPLOYEE:SUBJECT:admin");
        RemoteFixture.organise(idp, tenant, """
                department 111 営業1課 - sato
                member yamada 111
                route 標準 100 2020-01-01 -
                step 課長承認 MANAGER 1
                """);
        return tenant;
    }

    @Test
    void submittedLinesAreFoundByDayAmountAndPayeeInAnyCombinationWithEveryReceiptVersion() {
        RemoteTenant tenant = company();
        RemoteTenant other = company();
        ApiClient yamada = ApiClient.signedIn(idp, tenant, "yamada");
        LocalDate today = ServerClock.today(TestClock.TOKYO);
        LocalDate d10 = today.minusDays(10);
        LocalDate d3 = today.minusDays(3);
        LocalDate d1 = today.minusDays(1);
        String report = report(yamada, "証憑検索の申請");
        String taxi = line(tenant, yamada, report, d10, 1_000, "東京タクシー");
        String hotel = line(tenant, yamada, report, d3, 5_000, "ホテル大阪");
        String late = line(tenant, yamada, report, d1, 12_000, "東京タクシー 深夜");
        byte[] first = receipt(yamada, report, taxi);
        byte[] second = receipt(yamada, report, taxi);
        receipt(yamada, report, hotel);
        receipt(yamada, report, late);
        expect(yamada.post("/reports/" + report + "/submit", "", "*"), 200);
        String draft = report(yamada, "下書きは対象外");
        line(tenant, yamada, draft, d3, 5_000, "ホテル大阪");
        ApiClient stranger = ApiClient.signedIn(idp, other, "yamada");
        String theirs = report(stranger, "他社の申請");
        receipt(stranger, theirs, line(other, stranger, theirs, d3, 5_000, "東京タクシー"));
        expect(stranger.post("/reports/" + theirs + "/submit", "", "*"), 200);

        ApiClient suzuki = ApiClient.signedIn(idp, tenant, "suzuki");
        assertThat(lines(suzuki, "")).containsExactly(taxi, hotel, late);
        assertThat(lines(suzuki, "from=" + d3)).containsExactly(hotel, late);
        assertThat(lines(suzuki, "to=" + d3)).containsExactly(taxi, hotel);
        assertThat(lines(suzuki, "from=" + d3 + "&to=" + d3)).containsExactly(hotel);
        assertThat(lines(suzuki, "minYen=5000")).containsExactly(hotel, late);
        assertThat(lines(suzuki, "maxYen=5000")).containsExactly(taxi, hotel);
        assertThat(lines(suzuki, "minYen=5000&maxYen=5000")).containsExactly(hotel);
        assertThat(lines(suzuki, "payee=タクシー")).containsExactly(taxi, late);
        assertThat(lines(suzuki, "payee=%E6%9D%B1%E4%BA%AC%E3%82%BF%E3%82%AF%E3%82%B7%E3%83%BC&minYen=2000")).containsExactly(late);
        assertThat(lines(suzuki, "from=" + d10 + "&to=" + d3 + "&maxYen=1000&payee=タクシー")).containsExactly(taxi);
        assertThat(lines(suzuki, "payee=%25")).as("a % in the payee is a literal").isEmpty();

        Map<String, Object> found = list(expect(suzuki.get("/records?to=" + d10), 200).get("items")).get(0);
        assertThat(found).containsEntry("payee", "東京タクシー").containsEntry("amountYen", 1000L).containsEntry("spentOn", d10.toString())
                .containsEntry("reportTitle", "証憑検索の申請").containsEntry("status", "SUBMITTED");
        List<Map<String, Object>> versions = list(found.get("receipts"));
        assertThat(versions).extracting(v -> v.get("version"), v -> v.get("current"))
                .containsExactly(tuple(1L, false), tuple(2L, true));
        assertThat(versions).allSatisfy(v -> assertThat((String) v.get("sha256")).hasSize(64))
                .allSatisfy(v -> assertThat(v.get("uploadedAt")).isNotNull());
        assertThat(suzuki.download("/receipts/" + versions.get(0).get("id")).body()).isEqualTo(first);
        assertThat(suzuki.download("/receipts/" + versions.get(1).get("id")).body()).isEqualTo(second);

        ApiClient admin = ApiClient.signedIn(idp, tenant, "admin");
        assertThat(lines(admin, "payee=ホテル")).containsExactly(hotel);

        HttpResponse<byte[]> archive = admin.download("/records/archive");
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type")).contains("application/zip");
        Map<String, byte[]> entries = unzip(archive.body());
        assertThat(entries.keySet()).filteredOn(name -> name.startsWith("receipts/")).hasSize(4)
                .anyMatch(name -> name.contains(taxi + "_v1_")).anyMatch(name -> name.contains(taxi + "_v2_"));
        assertThat(entries.values()).anyMatch(content -> Arrays.equals(content, first))
                .anyMatch(content -> Arrays.equals(content, second));
        String csv = new String(entries.get("records.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("東京タクシー").contains("ホテル大阪").contains("東京タクシー 深夜").doesNotContain("他社の申請")
                .doesNotContain("下書きは対象外");
        assertThat(csv.lines().count()).as("header and a row per receipt version").isEqualTo(5);
        assertThat(suzuki.download("/records/archive").statusCode()).as("the archive is the administrator's").isEqualTo(403);
        ApiClient theirAccounting = ApiClient.signedIn(idp, other, "suzuki");
        Map<String, Object> theirSearch = expect(theirAccounting.get("/records?payee=タクシー"), 200);
        assertThat(theirSearch).containsEntry("count", 1L);
        assertThat(theirAccounting.get("/records").body()).doesNotContain(taxi).doesNotContain(hotel).doesNotContain(report);
    }

    @Test
    void employeesAndApproversAreRefusedAndBadRangesAreNamed() {
        RemoteTenant tenant = company();
        for (String subject : List.of("yamada", "sato")) {
            assertThat(ApiClient.signedIn(idp, tenant, subject).get("/records").statusCode()).as(subject).isEqualTo(403);
        }
        ApiClient suzuki = ApiClient.signedIn(idp, tenant, "suzuki");
        assertField(expect(suzuki.get("/records?from=2026-12-10&to=2026-12-01"), 422), "to", "終了日は開始日以降の日付にしてください。");
        assertField(expect(suzuki.get("/records?minYen=-1"), 422), "minYen", "金額は0以上で指定してください。");
        assertField(expect(suzuki.get("/records?minYen=500&maxYen=100"), 422), "maxYen", "上限の金額は下限以上にしてください。");
        assertField(expect(suzuki.get("/records?from=yesterday"), 422), "from", "日付は yyyy-mm-dd の形式で指定してください。");
        assertField(expect(suzuki.get("/records?payee=" + "x".repeat(101)), 422), "payee", "取引先は100文字以内で指定してください。");
        assertField(expect(suzuki.get("/records?size=1000"), 422), "size", "1 から 200 までの整数で指定してください。");
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static List<String> lines(ApiClient client, String query) {
        return list(expect(client.get("/records?" + query), 200).get("items")).stream().map(item -> (String) item.get("lineId"))
                .toList();
    }

    private static String report(ApiClient applicant, String title) {
        return (String) expect(applicant.post("/reports", "{\"title\": \"" + title + "\"}"), 201).get("id");
    }

    /** A line of the report; its id. */
    private static String line(RemoteTenant tenant, ApiClient applicant, String report, LocalDate day, long yen, String payee) {
        Map<String, Object> saved = expect(applicant.post("/reports/" + report + "/lines", """
                {"spentOn": "%s", "categoryId": "%s", "amountYen": %d, "payee": "%s"}"""
                .formatted(day, tenant.category("7410"), yen, payee), "*"), 201);
        List<Map<String, Object>> lines = list(saved.get("lines"));
        return (String) lines.get(lines.size() - 1).get("id");
    }

    /** A receipt for the line (a new version if it has one); its bytes. */
    private static byte[] receipt(ApiClient applicant, String report, String line) {
        byte[] content = ("%PDF-1.7 " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        expect(applicant.upload("/reports/" + report + "/lines/" + line + "/receipt", "receipt.pdf", content), 201);
        return content;
    }

    private static void assertField(Map<String, Object> problem, String field, String message) {
        assertThat(list(problem.get("errors"))).containsExactly(Map.of("field", field, "message", message));
    }
}
