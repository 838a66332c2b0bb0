package jp.sapphire.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import jp.sapphire.defence.control.OutboundUrls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The issuer check against a real HTTP server on this machine, whose host the outbound rule is
 * told to allow (as a provider names a customer's private IdP): the endpoints its discovery
 * document names are held to the rule on their own.
 */
class IssuerCheckTest {

    private HttpServer server;
    private String issuer;
    private String jwksUri;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
        server.createContext("/idp/.well-known/openid-configuration", exchange -> {
            byte[] document = ("{\"issuer\": \"" + issuer + "\", \"authorization_endpoint\": \"" + issuer + "/authorize\","
                    + " \"token_endpoint\": \"" + issuer + "/token\", \"jwks_uri\": \"" + jwksUri + "\","
                    + " \"response_types_supported\": [\"code\"], \"subject_types_supported\": [\"public\"],"
                    + " \"id_token_signing_alg_values_supported\": [\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aDiscoveryDocumentPointingItsKeysIntoThePrivateNetworkIsRefusedWithoutFetchingThem() {
        jwksUri = "https://10.0.0.1/keys";
        IssuerCheck.Found found = IssuerCheck.check(issuer, new OutboundUrls(false, Set.of("127.0.0.1")));
        assertThat(found.problem()).isEqualTo(IssuerCheck.Problem.ADDRESS_NOT_ALLOWED);
        assertThat(found.detail()).contains("https://10.0.0.1/keys").contains("NOT_PUBLIC");
        assertThat(found.keys()).isEmpty();
    }

    @Test
    void theIssuerItselfMustBeAllowed() {
        jwksUri = issuer + "/keys";
        IssuerCheck.Found found = IssuerCheck.check(issuer, new OutboundUrls(false, Set.of()));
        assertThat(found.problem()).isEqualTo(IssuerCheck.Problem.ADDRESS_NOT_ALLOWED);
        assertThat(found.detail()).startsWith("issuer NOT_HTTPS");
    }

    @Test
    void anUnreachableIssuerIsADiscoveryProblemWhoseDetailOnlyTheLogSees() {
        jwksUri = issuer + "/keys";
        IssuerCheck.Found found = IssuerCheck.check(issuer.replace("/idp", "/nothing-here"),
                new OutboundUrls(false, Set.of("127.0.0.1")));
        assertThat(found.problem()).isEqualTo(IssuerCheck.Problem.DISCOVERY_FAILED);
        assertThat(found.ok()).isFalse();
    }
}
