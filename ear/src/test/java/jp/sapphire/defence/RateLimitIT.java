package jp.sapphire.defence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.Browser;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
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
 * The rate limits as a flood meets them (production values: 30 sign-ins a minute per address and
 * tenant, 600 API calls a minute per token): the request beyond is answered 429 with Retry-After
 * in the caller's language, other callers go on, the bucket refills as the server's clock moves
 * on, and the refusals are in the system audit log, counted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    private static final int SIGN_INS_PER_MINUTE = 30;
    private static final int API_CALLS_PER_MINUTE = 600;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static HttpResponse<String> startSignIn(RemoteTenant tenant) {
        return new Browser().get(Browser.SECURE + "/t/" + tenant.slug() + "/");
    }

    @Test
    void signInsBeyondTheRateAreAnswered429UntilTheBucketRefills() {
        RemoteTenant flooded = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of());
        RemoteTenant other = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of());
        ServerClock.freezeNow();
        for (int i = 0; i < SIGN_INS_PER_MINUTE; i++) {
            assertThat(startSignIn(flooded).statusCode()).as("sign-in %d goes to the IdP", i + 1).isEqualTo(302);
        }
        HttpResponse<String> refused = startSignIn(flooded);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
        assertThat(refused.headers().firstValue("Set-Cookie")).as("no session for a refused request").isEmpty();
        assertThat(refused.body()).contains("サインインの試行が多すぎます").contains("Too many sign-in attempts");
        assertThat(startSignIn(other).statusCode()).as("another tenant's sign-in is not limited by it").isEqualTo(302);

        ServerClock.move(Duration.ofSeconds(1));
        assertThat(startSignIn(flooded).statusCode()).as("half a request refilled: still too early").isEqualTo(429);
        ServerClock.move(Duration.ofSeconds(2));
        assertThat(startSignIn(flooded).statusCode()).as("a whole request refilled after 2 s").isEqualTo(302);
        assertThat(Superuser.column("SELECT detail FROM system_audit_log WHERE event = 'RATE_LIMITED'"
                + " AND actor = 'rate-limit:sign-in' ORDER BY id DESC LIMIT 1")).singleElement().asString()
                .contains("refused over 30 a minute");
    }

    @Test
    void apiCallsBeyondTheRateOfATokenAreAnswered429InTheCallersLanguage() {
        String employee = "yamada-" + UUID.randomUUID().toString().substring(0, 8);
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(), "EMPLOYEE:SUBJECT:" + employee);
        ApiClient busy = ApiClient.signedIn(idp, tenant, employee);
        ApiClient calm = ApiClient.signedIn(idp, tenant, employee);
        ServerClock.freezeNow();
        for (int i = 0; i < API_CALLS_PER_MINUTE; i++) {
            assertThat(busy.get("/me").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = busy.get("/me");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
        assertThat(ApiClient.json(refused)).containsEntry("title", "リクエストが多すぎます").containsEntry("status", 429L);
        assertThat(calm.get("/me").statusCode()).as("another token goes on").isEqualTo(200);

        ServerClock.move(Duration.ofMinutes(1));
        assertThat(busy.get("/me").statusCode()).as("a minute later the bucket is full again").isEqualTo(200);
    }
}
