package jp.sapphire.defence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
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
 * A corpus of bad input, generated over every write of the API and every query parameter: for
 * each field, values of every wrong type, control characters, overlong text, numbers that are not
 * whole or do not fit, words where yes/no belongs; and for each body, malformed JSON, the wrong
 * shape, duplicate keys, deep nesting, a body too large, the wrong content type, broken
 * multipart. Each is answered with a problem (never 5xx) that names the field, and not one of
 * them writes a row or changes one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputCorpusIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    /** Fewer calls per token than its rate limit (600 a minute), so that no answer here is a 429. */
    private static final int CALLS_PER_TOKEN = 400;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    /** One bad request and what it must be answered with. */
    private record Case(String method, String path, String contentType, byte[] body, int status, String field) {

        static Case json(String method, String path, String body, int status, String field) {
            return new Case(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), status, field);
        }

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " " + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
        }
    }

    /** Wrong values for a field of each kind, as JSON text, each with whether the field is the one named. */
    private static final Map<String, List<String>> WRONG = Map.of(
            "text", List.of("42", "true", "{}", "[]", "\"a\\u0000b\"", "\"\\u001b[31m\"", "\"\\u007f\"", "\"\\ud800\"",
                    "\"" + "長".repeat(100_001) + "\""),
            "yen", List.of("1.5", "1e3", "\"100\"", "true", "9223372036854775808", "-9223372036854775809", "{}", "[]", "1.0"),
            "int", List.of("1.5", "\"1\"", "2147483648", "false", "[]"),
            "decimal", List.of("\"1.5\"", "true", "{}", "[]"),
            "boolean", List.of("\"aaaa\"", "\"true\"", "1", "0", "{}", "[]"),
            "date", List.of("\"2026-13-40\"", "\"2026-02-30\"", "\"yesterday\"", "20261201", "true", "\"\\u0000\""),
            "uuid", List.of("\"not-a-uuid\"", "123", "\"\"", "{}", "\"\\u0000\""),
            "taxClass", List.of("\"NOPE\"", "1", "\"standard_10\"", "[]"),
            "map", List.of("[]", "\"x\"", "{\"k\": 1}", "{\"k\": \"\\u0000\"}", "{\"k\": {}}", "{\"\\u0000\": \"v\"}"),
            "ids", List.of("{}", "\"x\"", "[1]", "[\"nope\"]", "[null, {}]"));

    private static final Map<String, String> REPORT_FIELDS = fields("title", "text", "purpose", "text", "periodFrom", "date",
            "periodTo", "date", "labels", "map", "projectCode", "text");

    private static final Map<String, String> LINE_FIELDS = fields("spentOn", "date", "categoryId", "uuid", "amountYen", "yen",
            "foreignAmount", "decimal", "currency", "text", "exchangeRate", "decimal", "taxClass", "taxClass", "payee", "text",
            "invoiceNumber", "text", "description", "text", "attendees", "text", "routeFrom", "text", "routeTo", "text",
            "roundTrip", "boolean", "customFields", "map");

    private static Map<String, String> fields(String... namesAndKinds) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            fields.put(namesAndKinds[i], namesAndKinds[i + 1]);
        }
        return fields;
    }

    @Test
    void everyBadRequestIsAnsweredWithAProblemNamingItsFieldAndWritesNothing() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String employee = "yamada-" + unique;
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + unique, Map.of(), "EMPLOYEE:SUBJECT:" + employee,
                "APPROVER:SUBJECT:" + employee);
        ApiClient api = ApiClient.signedIn(idp, tenant, employee);
        String report = ApiReports.draft(tenant, api, "コーパスの下書き", 1_000);
        String line = (String) ((List<?>) ApiClient.json(api.get("/reports/" + report)).get("lines")).stream()
                .map(item -> ((Map<?, ?>) item).get("id")).findFirst().orElseThrow();
        String delegate = UUID.randomUUID().toString();

        List<Case> corpus = new ArrayList<>();
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("POST /reports", "report");
        writes.put("PUT /reports/" + report, "report");
        writes.put("POST /reports/" + report + "/lines", "line");
        writes.put("PUT /reports/" + report + "/lines/" + line, "line");
        for (Map.Entry<String, String> write : writes.entrySet()) {
            String[] methodAndPath = write.getKey().split(" ");
            Map<String, String> fields = write.getValue().equals("report") ? REPORT_FIELDS : LINE_FIELDS;
            fields.forEach((field, kind) -> WRONG.get(kind).forEach(value -> corpus.add(Case.json(methodAndPath[0],
                    methodAndPath[1], "{\"" + field + "\": " + value + "}", 422, field))));
            corpus.addAll(shapes(methodAndPath[0], methodAndPath[1], write.getValue().equals("report") ? "title" : "payee"));
        }
        for (String decision : List.of("approve", "return", "reject")) {
            String path = "/reports/" + report + "/" + decision;
            WRONG.get("text").forEach(value -> corpus.add(Case.json("POST", path, "{\"comment\": " + value + "}", 422, "comment")));
            WRONG.get("int").forEach(value -> corpus.add(Case.json("POST", path, "{\"toStep\": " + value + "}", 422, "toStep")));
            corpus.addAll(shapes("POST", path, "comment"));
        }
        String comments = "/reports/" + report + "/lines/" + line + "/comments";
        WRONG.get("text").forEach(value -> corpus.add(Case.json("POST", comments, "{\"comment\": " + value + "}", 422, "comment")));
        corpus.addAll(shapes("POST", comments, "comment"));
        WRONG.get("ids").forEach(value -> corpus.add(Case.json("POST", "/approvals/approve", "{\"ids\": " + value + "}", 422,
                "ids")));
        corpus.addAll(shapes("POST", "/approvals/approve", "ids"));
        WRONG.get("uuid").forEach(value -> corpus.add(Case.json("POST", "/delegations", "{\"deputyId\": " + value + "}", 422,
                "deputyId")));
        for (String field : List.of("validFrom", "validTo")) {
            WRONG.get("date").forEach(value -> corpus.add(Case.json("POST", "/delegations",
                    "{\"deputyId\": \"" + delegate + "\", \"" + field + "\": " + value + "}", 422, field)));
        }
        corpus.addAll(shapes("POST", "/delegations", "deputyId"));

        String receipt = "/reports/" + report + "/lines/" + line + "/receipt";
        corpus.add(new Case("POST", receipt, "multipart/form-data; boundary=x", "--x\r\ngarbage".getBytes(StandardCharsets.UTF_8),
                400, "body"));
        corpus.add(new Case("POST", receipt, "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8),
                422, "file"));
        corpus.add(new Case("POST", receipt, "multipart/form-data", "no boundary".getBytes(StandardCharsets.UTF_8), 400, "body"));
        corpus.add(new Case("POST", receipt, "text/plain", "x".getBytes(StandardCharsets.UTF_8), 415, null));

        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put("/reports", List.of("page=abc", "page=-1", "page=2147483647", "page=1.5", "size=0", "size=101",
                "size=1e2", "status=NOPE", "status=%00", "page=%1b", "x%00=1"));
        queries.put("/approvals", List.of("submittedFrom=2026-13-01", "submittedTo=yesterday", "minTotalYen=abc",
                "minTotalYen=1.5", "minTotalYen=99999999999999999999", "applicant=%00", "applicant=a%1bb", "submittedFrom=%00"));
        queries.forEach((path, parameters) -> parameters.forEach(parameter -> corpus.add(new Case("GET",
                path + "?" + parameter, null, null, 422, parameter.startsWith("x%00") ? "query"
                        : parameter.substring(0, parameter.indexOf('='))))));

        assertThat(corpus).as("the size of the corpus").hasSizeGreaterThanOrEqualTo(300);
        List<String> before = stored(tenant, report, line);
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Case bad : corpus) {
            if (++calls % CALLS_PER_TOKEN == 0) {
                api = ApiClient.signedIn(idp, tenant, employee);
            }
            HttpResponse<String> answer = api.send(bad.method(), "" + bad.path(), bad.contentType(), bad.body());
            String problem = check(bad, answer);
            if (problem != null) {
                wrong.add(problem + ": " + bad.describe() + " → " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        }
        assertThat(wrong).as("answers that were not the expected problem").isEmpty();
        assertThat(stored(tenant, report, line)).as("nothing written or changed").isEqualTo(before);
    }

    @Test
    void aBodyLargerThanTheLargestReceiptIsRefusedBeforeItIsReadOnPagesAndApi() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String employee = "yamada-" + unique;
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + unique, Map.of(), "EMPLOYEE:SUBJECT:" + employee);
        ApiClient api = ApiClient.signedIn(idp, tenant, employee);
        String report = ApiReports.draft(tenant, api, "大きすぎる本文", 1_000);
        byte[] huge = new byte[12 * 1024 * 1024];
        HttpResponse<String> refused = api.send("POST", "/reports/" + report + "/lines/" + UUID.randomUUID() + "/receipt",
                "multipart/form-data; boundary=x", huge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(ApiClient.json(refused).get("errors")).asString().contains("body");

        jp.sapphire.it.Browser page = jp.sapphire.it.SignInFlow.signedIn(idp, tenant, employee);
        HttpResponse<String> upload = page.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(jp.sapphire.it.Browser.SECURE + "/app/reports/edit.xhtml?id=" + report))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)));
        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.body()).contains("送信内容が大きすぎます").contains("Too large");
    }

    /** Malformed, misshapen, duplicated, deep and too large bodies, and the wrong content type, for one write. */
    private static List<Case> shapes(String method, String path, String textField) {
        List<Case> cases = new ArrayList<>();
        for (String malformed : List.of("{", "{\"" + textField + "\": }", "{\"" + textField + "\" \"x\"}", "nul", "{'a': 1}",
                "{\"a\": 1,}", "\"unterminated", "{} {}")) {
            cases.add(Case.json(method, path, malformed, 400, "body"));
        }
        for (String shape : List.of("[]", "\"x\"", "42", "true")) {
            cases.add(Case.json(method, path, shape, 422, "body"));
        }
        cases.add(Case.json(method, path, "{\"" + textField + "\": \"a\", \"" + textField + "\": \"b\"}", 422, textField));
        cases.add(Case.json(method, path, "{\"deep\": " + "[".repeat(40) + "]".repeat(40) + "}", 422, "body"));
        cases.add(Case.json(method, path, "{\"" + textField + "\": \"" + "x".repeat(1_100_000) + "\"}", 413, "body"));
        cases.add(new Case(method, path, "text/plain", "{}".getBytes(StandardCharsets.UTF_8), 415, null));
        cases.add(new Case(method, path, "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8), 415, null));
        return cases;
    }

    /** What is wrong with the answer to a bad request, or null if it is the problem it must be. */
    private static String check(Case bad, HttpResponse<String> answer) {
        if (answer.statusCode() >= 500) {
            return "a server error";
        }
        if (answer.statusCode() != bad.status()) {
            return "status " + answer.statusCode() + " instead of " + bad.status();
        }
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not a problem";
        }
        if (bad.field() == null) {
            return null;
        }
        Object errors = ApiClient.json(answer).get("errors");
        boolean named = errors instanceof List<?> list && list.stream().anyMatch(error -> error instanceof Map<?, ?> map
                && map.get("field") instanceof String field && names(field, bad.field())
                && map.get("message") instanceof String message && !message.isBlank());
        return named ? null : "no message for " + bad.field();
    }

    /** Whether the problem's field is the one expected, or a part of it ({@code labels.k}, {@code ids[0]}). */
    private static boolean names(String field, String expected) {
        return field.equals(expected) || field.startsWith(expected + ".") || field.startsWith(expected + "[");
    }

    /** The tenant's rows that the corpus's requests could have written, and the versions of its report and line. */
    private static List<String> stored(RemoteTenant tenant, String report, String line) {
        List<String> state = new ArrayList<>();
        for (String table : List.of("expense_report", "expense_line", "expense_line_field", "expense_report_label",
                "approval_delegation", "receipt", "action_log", "notification")) {
            state.addAll(Superuser.column("SELECT '" + table + " ' || count(*) FROM " + table + " WHERE tenant_id = ?",
                    tenant.id()));
        }
        state.addAll(Superuser.column("SELECT version || ' ' || title FROM expense_report WHERE id = ?::uuid", report));
        state.addAll(Superuser.column("SELECT amount_yen || ' ' || payee FROM expense_line WHERE id = ?::uuid", line));
        return state;
    }
}
