package jp.sapphire.identity.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * What an issuer offers, fetched now (no cache): its discovery document (naming exactly this
 * issuer), its endpoints, its signing keys and the algorithms it signs ID tokens with. A tenant's
 * IdP is stored only when this finds nothing wrong (the operators' onboarding) and the admin
 * console's "test connection" shows it.
 */
public final class IssuerCheck {

    /** The algorithms SAPPHIRE accepts for ID tokens: never {@code none}, never an HMAC. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    /** What was found: a problem (null when the issuer can be used), and what the issuer offers. */
    public record Found(String problem, URI authorization, URI token, URI endSession, URI jwks, List<String> keys,
                        List<String> algorithms, boolean pkce) {

        public boolean ok() {
            return problem == null;
        }
    }

    private IssuerCheck() {
    }

    public static Found check(String issuer) {
        OIDCProviderMetadata found;
        try {
            found = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        } catch (GeneralException | IOException | RuntimeException e) {
            return new Found("discovery: " + e.getMessage(), null, null, null, null, List.of(), List.of(), false);
        }
        List<String> algorithms = found.getIDTokenJWSAlgs() == null ? List.of()
                : found.getIDTokenJWSAlgs().stream().map(JWSAlgorithm::getName).toList();
        boolean pkce = found.getCodeChallengeMethods() != null
                && found.getCodeChallengeMethods().contains(CodeChallengeMethod.S256);
        try {
            JWKSet keySet = JWKSet.load(found.getJWKSetURI().toURL(), TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_JWKS_BYTES);
            List<String> keyNames = keySet.getKeys().stream().map(key -> key.getKeyType() + " " + key.getKeyID()
                    + (key.getAlgorithm() == null ? "" : " " + key.getAlgorithm().getName())).toList();
            String problem = keyNames.isEmpty() ? "JWKS: no keys"
                    : algorithms.stream().noneMatch(name -> ALGORITHMS.contains(JWSAlgorithm.parse(name)))
                    ? "ID tokens are signed with none of " + ALGORITHMS : null;
            return new Found(problem, found.getAuthorizationEndpointURI(), found.getTokenEndpointURI(),
                    found.getEndSessionEndpointURI(), found.getJWKSetURI(), keyNames, algorithms, pkce);
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            return new Found("JWKS: " + e.getMessage(), found.getAuthorizationEndpointURI(), found.getTokenEndpointURI(),
                    found.getEndSessionEndpointURI(), found.getJWKSetURI(), List.of(), algorithms, pkce);
        }
    }
}
