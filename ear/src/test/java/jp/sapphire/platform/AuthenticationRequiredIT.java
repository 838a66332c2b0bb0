package jp.sapphire.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.sapphire.it.Browser;
import jp.sapphire.it.DeployedUrls;
import jp.sapphire.it.DeployedUrls.Endpoint;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.SapphireDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whitepaper §12: there is no way around authentication. Every URL of the deployed application
 * (enumerated from the EAR itself) refuses an anonymous caller — the UI sends them to sign in,
 * the API answers 401 — except what must work before signing in: the tenant chooser, the sign-in
 * entry and callback, the sign-in error page and error pages, static resources and health.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationRequiredIT {

    /** Reachable before signing in, by design. */
    private static final Set<String> PUBLIC = Set.of("/index.xhtml", "/signin-error.xhtml", "/error.xhtml");

    private static List<Endpoint> endpoints;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SapphireDeployment.application();
    }

    @BeforeAll
    static void enumerate() {
        endpoints = DeployedUrls.of(Path.of(System.getProperty("sapphire.ear")));
    }

    @Test
    void theEnumerationFindsTheKnownWaysIn() {
        assertThat(endpoints).extracting(Endpoint::path)
                .contains("/app/home.xhtml", "/app/tokens.xhtml", "/index.xhtml", "/api/v1/me");
    }

    @Test
    void everyUiUrlSendsAnAnonymousCallerToSignIn() {
        List<Endpoint> ui = endpoints.stream().filter(e -> !e.kind().equals("rest") && !PUBLIC.contains(e.path())).toList();
        assertThat(ui).isNotEmpty();
        for (Endpoint endpoint : ui) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> response = anonymous(method, endpoint.path());
                assertThat(response.statusCode()).as(method + " " + endpoint.path()).isEqualTo(302);
                assertThat(Browser.location(response)).as(method + " " + endpoint.path())
                        .isEqualTo(Browser.SECURE + "/index.xhtml");
            }
        }
    }

    @Test
    void everyApiUrlAnswers401WithoutAToken() {
        List<Endpoint> api = endpoints.stream().filter(e -> e.kind().equals("rest")).toList();
        assertThat(api).isNotEmpty();
        for (Endpoint endpoint : api) {
            assertThat(anonymous(endpoint.method(), endpoint.path()).statusCode())
                    .as(endpoint.method() + " " + endpoint.path()).isEqualTo(401);
        }
        assertThat(anonymous("GET", "/api/v1/no-such-resource").statusCode()).isEqualTo(401);
    }

    @Test
    void thePublicPagesShowNothingOfAnyMember() {
        for (String path : PUBLIC) {
            HttpResponse<String> response = anonymous("GET", path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("member-name").doesNotContain("header-member");
        }
    }

    /**
     * The server's own endpoints (Liberty's features, not the EAR): none on the customers' port;
     * on the management port the health checks and the OpenAPI document are public on purpose
     * (the load balancer and monitoring check without credentials; neither holds customer data)
     * and the JMX connector needs an operator.
     */
    @Test
    void theServersOwnEndpointsAreOnTheManagementPortOnlyAndListedThere() {
        for (String path : List.of("/health", "/health/ready", "/openapi", "/openapi/ui", "/metrics", "/ibm/api",
                "/IBMJMXConnectorREST", "/IBMJMXConnectorREST/mbeans")) {
            assertThat(anonymous("GET", path).statusCode()).as("customers' port " + path).isEqualTo(404);
        }
        Map<String, Integer> management = Map.of("/health/ready", 200, "/health/live", 200, "/openapi", 200,
                "/IBMJMXConnectorREST", 401, "/app/home.xhtml", 404, "/api/v1/me", 404);
        management.forEach((path, status) -> assertThat(new Browser().get(OperatorJmx.MANAGEMENT + path).statusCode())
                .as("management port " + path).isEqualTo(status));
    }

    @Test
    void anUnknownPathIsRefusedLikeEverythingElse() {
        assertThat(Browser.location(anonymous("GET", "/admin/anything"))).isEqualTo(Browser.SECURE + "/index.xhtml");
        HttpResponse<String> descriptor = anonymous("GET", "/WEB-INF/web.xml");
        assertThat(descriptor.statusCode()).isEqualTo(404);
        assertThat(descriptor.body()).doesNotContain("security-constraint");
    }

    private static HttpResponse<String> anonymous(String method, String path) {
        return new Browser().send(HttpRequest.newBuilder(URI.create(Browser.SECURE + path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
