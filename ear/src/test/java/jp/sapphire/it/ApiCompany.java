package jp.sapphire.it;

import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.RemoteFixture.RemoteTenant;

/**
 * A fresh tenant of an API test, its privileged account enabled, with an organisation (see
 * {@code FixtureServlet.organise}) and role bindings; its people sign in when a test asks for them.
 */
public record ApiCompany(TestIdp idp, RemoteTenant tenant, Map<String, UUID> members) {

    public static ApiCompany create(TestIdp idp, String organisation, String... bindings) {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"), bindings);
        return new ApiCompany(idp, tenant, RemoteFixture.organise(idp, tenant, organisation));
    }

    public ApiClient signIn(String subject) {
        return ApiClient.signedIn(idp, tenant, subject);
    }
}
