package jp.sapphire.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.sapphire.defence.control.OutboundUrls;
import jp.sapphire.identity.boundary.SignInSettings;
import jp.sapphire.identity.control.SignInFailure.Reason;

/**
 * OpenID Connect code flow with PKCE (S256), {@code state} and {@code nonce}, against each
 * tenant's own IdP. Provider metadata is cached per issuer; signing keys are cached per JWKS URI
 * and fetched again when a token names a key id the cache does not know (key rotation).
 *
 * <p>Checks of the ID token: a signature by a key from the IdP's JWKS with an algorithm from
 * {@link IssuerCheck#ALGORITHMS} (so never {@code none}, never an HMAC keyed with a public key), the exact
 * issuer, the client id in the audience (and as {@code azp} when there are several), expiry and
 * issue time within {@link #CLOCK_SKEW}, the nonce of this flow, and a subject.
 */
@ApplicationScoped
public class OpenIdConnect {

    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Duration METADATA_LIFETIME = Duration.ofMinutes(15);
    /**
     * At most one JWKS fetch per IdP in this interval: a token naming an unknown key id makes
     * SAPPHIRE fetch the IdP's keys again (key rotation), but a flood of such tokens cannot turn
     * it into a flood of requests to the IdP.
     */
    public static final Duration JWKS_REFETCH_INTERVAL = Duration.ofSeconds(5);
    private static final int TIMEOUT_MILLIS = IssuerCheck.TIMEOUT_MILLIS;
    private static final int MAX_JWKS_BYTES = IssuerCheck.MAX_JWKS_BYTES;

    /** What the token endpoint gave back, after every check. */
    public record VerifiedTokens(IDTokenClaimsSet claims, String idToken) {
    }

    private record CachedMetadata(OIDCProviderMetadata metadata, Instant fetchedAt) {
    }

    private final Map<String, CachedMetadata> metadata = new ConcurrentHashMap<>();
    private final Map<URI, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    OutboundUrls outbound;

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
        if (!(idToken instanceof SignedJWT signed)) {
            throw new SignInFailure(Reason.TOKEN_INVALID, "ID token: not signed");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(IssuerCheck.ALGORITHMS, keys(provider.getJWKSetURI())));
        processor.setJWTClaimsSetVerifier(new IdTokenClaims(idp.issuer(), idp.clientId(), pending.nonce()));
        try {
            return new VerifiedTokens(new IDTokenClaimsSet(processor.process(signed, null)), idToken.serialize());
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw new SignInFailure(Reason.TOKEN_INVALID, "ID token: " + e.getMessage(), e);
        }
    }

    /**
     * The claims an ID token must carry for this flow (OpenID Connect Core §3.1.3.7), with expiry
     * and issue time read on the service's clock.
     */
    private final class IdTokenClaims extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final String clientId;

        IdTokenClaims(String issuer, String clientId, String nonce) {
            super(clientId, new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(),
                    Set.of("iss", "sub", "aud", "exp", "iat", "nonce"));
            this.clientId = clientId;
            setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            if (claims.getIssueTime().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
                throw new BadJWTException("issued in the future");
            }
            Object authorizedParty = claims.getClaim("azp");
            if ((claims.getAudience().size() > 1 || authorizedParty != null) && !clientId.equals(authorizedParty)) {
                throw new BadJWTException("several audiences and azp is not this client");
            }
        }
    }

    /** What an administrator's "test connection" finds at an issuer, fetched now (no cache). */
    public IssuerCheck.Found check(String issuer) {
        return IssuerCheck.check(issuer, outbound);
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
            refuseIfNotAllowed("issuer", URI.create(issuer));
            // resolve() also insists that the document names exactly this issuer.
            OIDCProviderMetadata fetched = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            // The server calls these two itself: never into its own network (the browser goes to the others).
            refuseIfNotAllowed("jwks_uri", fetched.getJWKSetURI());
            refuseIfNotAllowed("token_endpoint", fetched.getTokenEndpointURI());
            metadata.put(issuer, new CachedMetadata(fetched, clock.instant()));
            return fetched;
        } catch (GeneralException | IOException | IllegalArgumentException e) {
            throw new SignInFailure(Reason.IDP_UNREACHABLE, "discovery of " + issuer + ": " + e.getMessage(), e);
        }
    }

    private void refuseIfNotAllowed(String what, URI url) throws SignInFailure {
        Optional<OutboundUrls.Refusal> refused = outbound.refusal(url);
        if (refused.isPresent()) {
            throw new SignInFailure(Reason.IDP_UNREACHABLE, what + " " + url + " is not an address SAPPHIRE calls: " + refused.get());
        }
    }

    private JWKSource<SecurityContext> keys(URI jwksUri) {
        return keys.computeIfAbsent(jwksUri, IssuerKeys::new);
    }

    /**
     * An IdP's signing keys, fetched when first needed and again when a token names a key this
     * set does not hold — but at most once per {@link #JWKS_REFETCH_INTERVAL} on the service's clock.
     */
    private final class IssuerKeys implements JWKSource<SecurityContext> {

        private final URI uri;
        private JWKSet known = new JWKSet();
        private Instant fetchedAt;

        IssuerKeys(URI uri) {
            this.uri = uri;
        }

        @Override
        public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
            List<JWK> found = selector.select(known);
            Instant now = clock.instant();
            if (found.isEmpty() && (fetchedAt == null || !now.isBefore(fetchedAt.plus(JWKS_REFETCH_INTERVAL)))) {
                fetchedAt = now;
                try {
                    known = JWKSet.load(uri.toURL(), TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_JWKS_BYTES);
                } catch (IOException | java.text.ParseException e) {
                    throw new KeySourceException("JWKS of " + uri + ": " + e.getMessage(), e);
                }
                found = selector.select(known);
            }
            return found;
        }
    }

    private static HTTPRequest send(HTTPRequest request) {
        request.setConnectTimeout(TIMEOUT_MILLIS);
        request.setReadTimeout(TIMEOUT_MILLIS);
        return request;
    }
}
