package jp.sapphire.it;

import static jp.sapphire.it.ApiClient.expect;
import static jp.sapphire.it.ApiClient.list;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.clock.TestClock;

/** Reports filed through the API, as an applicant does before the approvers get their turn. */
public final class ApiReports {

    private ApiReports() {
    }

    /** Yesterday for the test tenants' members (Asia/Tokyo), on the server's clock. */
    public static String yesterday() {
        return ServerClock.today(TestClock.TOKYO).minusDays(1).toString();
    }

    /** As the applicant: a report with one line of {@code yen} (a supply, category 7410) and a receipt, submitted. */
    public static String submitted(RemoteTenant tenant, ApiClient applicant, String title, long yen) {
        String id = draft(tenant, applicant, title, yen);
        expect(applicant.post("/reports/" + id + "/submit", "", "*"), 200);
        return id;
    }

    /** As the applicant: a draft report with one line of {@code yen} (a supply, category 7410) and a receipt. */
    public static String draft(RemoteTenant tenant, ApiClient applicant, String title, long yen) {
        Map<String, Object> report = expect(applicant.post("/reports", "{\"title\": \"" + title.replace("\"", "\\\"")
                + "\"}"), 201);
        String id = (String) report.get("id");
        Map<String, Object> withLine = expect(applicant.post("/reports/" + id + "/lines", """
                {"spentOn": "%s", "categoryId": "%s", "amountYen": %d, "payee": "文具店 %s"}"""
                .formatted(yesterday(), tenant.category("7410"), yen, UUID.randomUUID()), "*"), 201);
        String line = (String) list(withLine.get("lines")).get(0).get("id");
        expect(applicant.upload("/reports/" + id + "/lines/" + line + "/receipt", "receipt.pdf",
                ("%PDF-1.7 " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII)), 201);
        return id;
    }
}
