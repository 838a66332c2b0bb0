package jp.sapphire.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.sapphire.identity.boundary.SignInSettings;
import jp.sapphire.identity.control.SignInFailure.Reason;

/**
 * OpenID Connect code flow with PKCE (S256), {@code state} and {@code nonce}, against each
 * tenant's own IdP. Provider metadata is cached per issuer; signing keys are cached per JWKS URI
 * and fetched again when a token names a key id the cache does not know (key rotation).
 *
 * <p>Checks of the ID token: a signature by a key from the IdP's JWKS with an algorithm from
 * {@link #ALGORITHMS} (so never {@code none}, never an HMAC keyed with a public key), the exact
 * issuer, the client id in the audience (and as {@code azp} when there are several), expiry and
 * issue time within {@link #CLOCK_SKEW}, the nonce of this flow, and a subject.
 */
@ApplicationScoped
public class OpenIdConnect {

    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Duration METADATA_LIFETIME = Duration.ofMinutes(15);
    /**
     * At most one JWKS fetch per IdP in this interval: a token naming an unknown key id makes
     * SAPPHIRE fetch the IdP's keys again (key rotation), but a flood of such tokens cannot turn
     * it into a flood of requests to the IdP.
     */
    public static final Duration JWKS_REFETCH_INTERVAL = Duration.ofSeconds(5);
    private static final int TIMEOUT_MILLIS = 5_000;

    /** What the token endpoint gave back, after every check. */
    public record VerifiedTokens(IDTokenClaimsSet claims, String idToken) {
    }

    private record CachedMetadata(OIDCProviderMetadata metadata, Instant fetchedAt) {
    }

    private final Map<String, CachedMetadata> metadata = new ConcurrentHashMap<>();
    private final Map<URI, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public URI authorizationRequest(SignInSettings idp, PendingSignIn pending, URI redirectUri) throws SignInFailure {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                ResponseType.CODE, new Scope(idp.scopes().toArray(String[]::new)), new ClientID(idp.clientId()), redirectUri)
                .endpointURI(metadata(idp.issuer()).getAuthorizationEndpointURI())
                .state(new State(pending.state()))
                .nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.codeVerifier()), CodeChallengeMethod.S256);
        if (pending.stepUp()) {
            request.prompt(new Prompt(Prompt.Type.LOGIN));
            if (idp.mfa().acr() != null) {
                request.acrValues(List.of(new ACR(idp.mfa().acr())));
            }
        }
        return request.build().toURI();
    }

    public VerifiedTokens exchange(SignInSettings idp, PendingSignIn pending, String code, URI redirectUri)
            throws SignInFailure {
        OIDCProviderMetadata provider = metadata(idp.issuer());
        TokenRequest request = new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(idp.clientId()), new Secret(idp.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(pending.codeVerifier())));
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(send(request.toHTTPRequest()).send());
        } catch (IOException e) {
            throw new SignInFailure(Reason.IDP_UNREACHABLE, "token endpoint: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new SignInFailure(Reason.TOKEN_INVALID, "token response: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new SignInFailure(Reason.IDP_ERROR, "token endpoint: " + error.getCode() + " " + error.getDescription());
        }
        JWT idToken = ((OIDCTokenResponse) response).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new SignInFailure(Reason.TOKEN_INVALID, "token response without an ID token");
        }
        IDTokenValidator validator = new IDTokenValidator(new Issuer(idp.issuer()), new ClientID(idp.clientId()),
                new JWSVerificationKeySelector<>(ALGORITHMS, keys(provider.getJWKSetURI())), null);
        validator.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        try {
            return new VerifiedTokens(validator.validate(idToken, new Nonce(pending.nonce())), idToken.serialize());
        } catch (BadJOSEException | JOSEException e) {
            throw new SignInFailure(Reason.TOKEN_INVALID, "ID token: " + e.getMessage(), e);
        }
    }

    /**
     * What an administrator's "test connection" finds at an issuer, fetched now (no cache): the
     * discovery document (naming exactly this issuer), its endpoints, and the signing keys.
     */
    public record ConnectionCheck(String problem, URI authorization, URI token, URI endSession, URI jwks,
                                  List<String> keys, List<String> algorithms, boolean pkce) {

        public boolean ok() {
            return problem == null;
        }
    }

    public ConnectionCheck check(String issuer) {
        OIDCProviderMetadata found;
        try {
            found = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        } catch (GeneralException | IOException | RuntimeException e) {
            return new ConnectionCheck("discovery: " + e.getMessage(), null, null, null, null, List.of(), List.of(), false);
        }
        List<String> algorithms = found.getIDTokenJWSAlgs() == null ? List.of()
                : found.getIDTokenJWSAlgs().stream().map(JWSAlgorithm::getName).toList();
        boolean pkce = found.getCodeChallengeMethods() != null
                && found.getCodeChallengeMethods().contains(CodeChallengeMethod.S256);
        try {
            JWKSet keySet = JWKSet.load(found.getJWKSetURI().toURL(),
                    TIMEOUT_MILLIS, TIMEOUT_MILLIS, 512 * 1024);
            List<String> keyNames = keySet.getKeys().stream().map(key -> key.getKeyType() + " " + key.getKeyID()
                    + (key.getAlgorithm() == null ? "" : " " + key.getAlgorithm().getName())).toList();
            String problem = keyNames.isEmpty() ? "JWKS: no keys"
                    : algorithms.stream().noneMatch(name -> ALGORITHMS.contains(JWSAlgorithm.parse(name)))
                    ? "ID tokens are signed with none of " + ALGORITHMS : null;
            return new ConnectionCheck(problem, found.getAuthorizationEndpointURI(), found.getTokenEndpointURI(),
                    found.getEndSessionEndpointURI(), found.getJWKSetURI(), keyNames, algorithms, pkce);
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            return new ConnectionCheck("JWKS: " + e.getMessage(), found.getAuthorizationEndpointURI(),
                    found.getTokenEndpointURI(), found.getEndSessionEndpointURI(), found.getJWKSetURI(), List.of(),
                    algorithms, pkce);
        }
    }

    /** Where to send the browser to end its session at the IdP, if the IdP offers it. */
    public Optional<URI> endSessionEndpoint(String issuer) {
        try {
            return Optional.ofNullable(metadata(issuer).getEndSessionEndpointURI());
        } catch (SignInFailure unreachable) {
            return Optional.empty();
        }
    }

    private OIDCProviderMetadata metadata(String issuer) throws SignInFailure {
        CachedMetadata cached = metadata.get(issuer);
        if (cached != null && clock.instant().isBefore(cached.fetchedAt().plus(METADATA_LIFETIME))) {
            return cached.metadata();
        }
        try {
            // resolve() also insists that the document names exactly this issuer.
            OIDCProviderMetadata fetched = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            metadata.put(issuer, new CachedMetadata(fetched, clock.instant()));
            return fetched;
        } catch (GeneralException | IOException e) {
            throw new SignInFailure(Reason.IDP_UNREACHABLE, "discovery of " + issuer + ": " + e.getMessage(), e);
        }
    }

    private JWKSource<SecurityContext> keys(URI jwksUri) {
        return keys.computeIfAbsent(jwksUri, uri -> {
            try {
                return JWKSourceBuilder.<SecurityContext>create(uri.toURL(),
                                new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, 512 * 1024))
                        .retrying(true)
                        .rateLimited(JWKS_REFETCH_INTERVAL.toMillis())
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("JWKS URI " + uri, e);
            }
        });
    }

    private static HTTPRequest send(HTTPRequest request) {
        request.setConnectTimeout(TIMEOUT_MILLIS);
        request.setReadTimeout(TIMEOUT_MILLIS);
        return request;
    }
}
