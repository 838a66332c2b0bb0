package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The client side of {@link FixtureServlet}: tests acting from outside make their tenants and
 * read the system audit log through it.
 */
public final class RemoteFixture {

    public static final String CLIENT_ID = "sapphire-test";
    private static final String BASE = Browser.PLAIN + "/sapphire-tests/fixture";

    /** A tenant made for one test, signing in at {@code issuerId} of the test IdP, with its categories by code. */
    public record RemoteTenant(UUID id, String slug, String issuerId, Map<String, UUID> categories) {

        public UUID category(String code) {
            return categories.get(code);
        }
    }

    private RemoteFixture() {
    }

    /**
     * A new tenant whose IdP is {@code issuerId} at the test IdP. Options: {@code privileged},
     * {@code mfaAmr=a,b}, {@code mfaAcr=x}; bindings as {@code ROLE:SUBJECT:value} or
     * {@code ROLE:GROUP:value}.
     */
    public static RemoteTenant tenant(TestIdp idp, String issuerId, Map<String, String> options, String... bindings) {
        Map<String, String> fields = new LinkedHashMap<>(options);
        fields.put("issuer", idp.issuer(issuerId));
        fields.put("clientId", CLIENT_ID);
        HttpResponse<String> response = new Browser().send(HttpRequest.newBuilder(
                        URI.create(BASE + "/tenant?" + query(fields, bindings)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String[] lines = response.body().split("\n");
        String[] idAndSlug = lines[0].split(" ");
        Map<String, UUID> categories = Arrays.stream(lines).skip(1).map(line -> line.split("="))
                .collect(Collectors.toMap(pair -> pair[0], pair -> UUID.fromString(pair[1])));
        return new RemoteTenant(UUID.fromString(idAndSlug[0]), idAndSlug[1], issuerId, categories);
    }

    /** A tenant made outside the fixture (by the operators' CLI), removed with the test's tenants; answers its id. */
    public static UUID adopt(String slug) {
        HttpResponse<String> response = new Browser().post(BASE + "/adopt", Map.of("slug", slug));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return UUID.fromString(response.body().strip());
    }

    /** Tries to bind a role; tells whether the service accepted. */
    public static boolean bind(RemoteTenant tenant, String binding) {
        HttpResponse<String> response = new Browser().post(BASE + "/bind", Map.of("tenant", tenant.id().toString(),
                "bind", binding));
        return response.body().equals("bound");
    }

    /**
     * Departments, members and routes of the tenant (see FixtureServlet for the lines); answers
     * each member named, by subject.
     */
    public static Map<String, UUID> organise(TestIdp idp, RemoteTenant tenant, String organisation) {
        HttpResponse<String> response = new Browser().send(HttpRequest.newBuilder(URI.create(BASE + "/org?tenant="
                        + tenant.id() + "&issuer=" + encode(idp.issuer(tenant.issuerId()))))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(organisation)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Arrays.stream(response.body().split("\n")).filter(line -> line.contains("="))
                .map(line -> line.split("=")).collect(Collectors.toMap(pair -> pair[0], pair -> UUID.fromString(pair[1])));
    }

    /** The tenant's system audit log, newest first: {@code EVENT OUTCOME actor | detail}. */
    public static List<String> audit(RemoteTenant tenant) {
        String body = new Browser().get(BASE + "/audit?tenant=" + tenant.id()).body();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    private static String query(Map<String, String> fields, String... bindings) {
        var parameters = fields.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()));
        var binds = Arrays.stream(bindings).map(binding -> "bind=" + encode(binding));
        return Stream.concat(parameters, binds).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
