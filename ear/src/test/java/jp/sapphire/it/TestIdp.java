package jp.sapphire.it;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenID provider in the test JVM (mock-oauth2-server), one issuer per tenant
 * ({@code http://localhost:<port>/<issuerId>}). Tests say who signs in next, and can replace the
 * next token response of an issuer with one they crafted, signed with that issuer's own key
 * (which the test holds) or with any other. It signs at the server's time as the test set it
 * ({@link ServerClock}).
 */
public final class TestIdp implements BeforeAllCallback, AfterAllCallback {

    private final RotatingKeys keys = new RotatingKeys();
    private final Map<String, String> craftedTokenResponses = new ConcurrentHashMap<>();
    /** Per issuer, who signs in (read by the IdP at each token request, so it can change between tests). */
    private final Set<OAuth2TokenCallback> signIns = ConcurrentHashMap.newKeySet();
    private final MockOAuth2Server server;

    /**
     * Register with {@code @RegisterExtension static final TestIdp idp = new TestIdp(...)}: it
     * runs for the test class. With {@code interactiveLogin} the IdP shows a login page where a
     * person types a user name; without, it signs in whoever {@link #nextSignIn} names at once.
     */
    public TestIdp(boolean interactiveLogin) {
        OAuth2Config config = new OAuth2Config(interactiveLogin, null, null, false, new OAuth2TokenProvider(keys, ServerClock::now),
                signIns, new MockWebServerWrapper(null));
        server = new MockOAuth2Server(config, new CraftedTokenRoute());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.shutdown();
    }

    /** The issuer URL of this issuer id, exactly as the IdP names itself. */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /** The key this issuer signs with, private part included. */
    public RSAKey signingKey(String issuerId) {
        return keys.signingKey(issuerId).toRSAKey();
    }

    /** The issuer starts signing with a new key under a new key id, and publishes only that one. */
    public void rotateKey(String issuerId) {
        keys.rotate(issuerId);
    }

    /** From now on, whoever signs in at this issuer is this subject with these extra claims. */
    public void nextSignIn(String issuerId, String subject, Map<String, Object> claims) {
        signIns.removeIf(callback -> callback.issuerId().equals(issuerId));
        signIns.add(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, 3600));
    }

    /** The next token request to this issuer is answered with this ID token, whatever was asked. */
    public void craftNextIdToken(String issuerId, String idToken) {
        craftedTokenResponses.put("/" + issuerId + "/token",
                "{\"access_token\":\"crafted\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + idToken + "\"}");
    }

    /** One RSA key per issuer, replaced on demand; the IdP signs with it and publishes it as its JWKS. */
    private static final class RotatingKeys extends KeyProvider {

        private final Map<String, RSAKey> current = new ConcurrentHashMap<>();

        RotatingKeys() {
            super(List.of(), "RS256");
        }

        @Override
        public JWK signingKey(String issuerId) {
            return current.computeIfAbsent(issuerId, id -> IdTokens.otherKey(id + "-" + UUID.randomUUID()));
        }

        void rotate(String issuerId) {
            current.put(issuerId, IdTokens.otherKey(issuerId + "-" + UUID.randomUUID()));
        }
    }

    private final class CraftedTokenRoute implements Route {

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return craftedTokenResponses.containsKey(request.getUrl().encodedPath());
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String body = craftedTokenResponses.remove(request.getUrl().encodedPath());
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), 200, body, null);
        }
    }
}
