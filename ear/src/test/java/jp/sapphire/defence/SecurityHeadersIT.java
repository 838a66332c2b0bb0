package jp.sapphire.defence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.DeployedUrls;
import jp.sapphire.it.DeployedUrls.Endpoint;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security headers of every response, over every page and endpoint the deployed EAR has (read
 * from the EAR, not from a list) and the server's own endpoints: HSTS, no sniffing, no framing,
 * no referrer everywhere; a page's Content-Security-Policy with a fresh nonce for scripts and no
 * inline script allowed; nothing a signed-in member sees stored by a cache.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final Pattern SCRIPT_SRC = Pattern.compile("script-src ([^;]*)");
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[a-z]+\\s[^>]*\\bon(click|change|load|submit|input)=");

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static List<Endpoint> endpoints() {
        return DeployedUrls.of(Path.of(System.getProperty("sapphire.ear"))).stream()
                .filter(endpoint -> !endpoint.module().equals("sapphire-tests")).toList();
    }

    /** What is missing from a response that every response must have. */
    private static List<String> baseline(String what, HttpResponse<?> response) {
        List<String> missing = new ArrayList<>();
        Map<String, String> expected = Map.of(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "no-referrer");
        expected.forEach((header, value) -> {
            if (!response.headers().allValues(header).equals(List.of(value))) {
                missing.add(what + ": " + header + " is " + response.headers().allValues(header));
            }
        });
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        if (!policy.contains("frame-ancestors 'none'")) {
            missing.add(what + ": Content-Security-Policy without frame-ancestors 'none': " + policy);
        }
        return missing;
    }

    @Test
    void everyAnswerOfTheApplicationAndTheServerCarriesTheBaselineHeaders() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            HttpResponse<String> response = send(Browser.SECURE + endpoint.path(), endpoint.method(), null);
            missing.addAll(baseline("anonymous " + endpoint.method() + " " + endpoint.path(), response));
        }
        for (String url : List.of(Browser.SECURE + "/no/such/path", Browser.SECURE + "/health", Browser.SECURE + "/openapi",
                OperatorJmx.MANAGEMENT + "/health/ready", OperatorJmx.MANAGEMENT + "/openapi",
                OperatorJmx.MANAGEMENT + OperatorJmx.CONNECTOR, OperatorJmx.MANAGEMENT + "/no/such/path")) {
            missing.addAll(baseline("GET " + url, send(url, "GET", null)));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aSignedInMembersPagesHaveANoncedScriptPolicyAndAreNeverStored() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String employee = "yamada-" + unique;
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + unique, Map.of(), "EMPLOYEE:SUBJECT:" + employee,
                "APPROVER:SUBJECT:" + employee, "ACCOUNTING:SUBJECT:" + employee);
        Browser browser = SignInFlow.signedIn(idp, tenant, employee);
        List<String> wrong = new ArrayList<>();
        List<String> nonces = new ArrayList<>();
        int pages = 0;
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.kind().equals("view")) {
                continue;
            }
            HttpResponse<String> page = browser.get(Browser.SECURE + endpoint.path());
            String what = endpoint.path() + " (" + page.statusCode() + ")";
            wrong.addAll(baseline(what, page));
            if (page.statusCode() != 200) {
                continue;
            }
            pages++;
            Matcher scripts = SCRIPT_SRC.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
            if (!scripts.find() || !scripts.group(1).matches("'self' 'nonce-[A-Za-z0-9+/=]+'")) {
                wrong.add(what + ": script-src " + (scripts.hitEnd() ? "missing" : scripts.group(1)));
            } else {
                String nonce = scripts.group(1).replaceAll(".*'nonce-([^']+)'.*", "$1");
                nonces.add(nonce);
                if (page.body().contains("<script") && !page.body().contains("nonce=\"" + nonce + "\"")) {
                    wrong.add(what + ": its scripts do not carry the policy's nonce");
                }
            }
            if (!String.join(", ", page.headers().allValues("Cache-Control")).contains("no-store")) {
                wrong.add(what + ": Cache-Control " + page.headers().allValues("Cache-Control"));
            }
            if (INLINE_HANDLER.matcher(page.body()).find()) {
                wrong.add(what + ": an inline event handler left in the page");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(pages).as("pages the member may open").isGreaterThan(5);
        assertThat(nonces).as("a new nonce each time").doesNotHaveDuplicates();
    }

    /** Stylesheets travel compressed; a member's page never does, so no size gives away its view state (BREACH). */
    @Test
    void stylesheetsAreCompressedAndPagesAreNot() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + unique, Map.of(), "EMPLOYEE:SUBJECT:gzip-" + unique);
        Browser browser = SignInFlow.signedIn(idp, tenant, "gzip-" + unique);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(SignInFlow.HOME)).header("Accept-Encoding", "gzip"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
        Matcher stylesheet = Pattern.compile("href=\"(/jakarta\\.faces\\.resource/theme\\.css[^\"]+)\"").matcher(page.body());
        assertThat(stylesheet.find()).as("the page links its theme").isTrue();
        HttpResponse<String> css = browser.send(HttpRequest.newBuilder(URI.create(Browser.SECURE
                + stylesheet.group(1).replace("&amp;", "&"))).header("Accept-Encoding", "gzip"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Encoding")).contains("gzip");
    }

    @Test
    void theApisAnswersMayLoadNothingAndAreNeverStored() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String employee = "yamada-" + unique;
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + unique, Map.of(), "EMPLOYEE:SUBJECT:" + employee);
        ApiClient api = ApiClient.signedIn(idp, tenant, employee);
        String report = ApiReports.draft(tenant, api, "ヘッダーの確認", 500);
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/me", "/reports", "/reports/" + report, "/reports/" + report + "/actions",
                "/notifications", "/reports/" + UUID.randomUUID())) {
            HttpResponse<String> answer = api.get(path);
            wrong.addAll(baseline(path, answer));
            if (!answer.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'")) {
                wrong.add(path + ": Content-Security-Policy " + answer.headers().allValues("Content-Security-Policy"));
            }
            if (!answer.headers().allValues("Cache-Control").contains("no-store")) {
                wrong.add(path + ": Cache-Control " + answer.headers().allValues("Cache-Control"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static HttpResponse<String> send(String url, String method, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return new Browser().send(request);
    }
}
