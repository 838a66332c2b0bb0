package jp.sapphire.identity.control;

import java.io.Serializable;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.sapphire.defence.control.OutboundUrls;

/**
 * What an issuer offers, fetched now (no cache): its discovery document (naming exactly this
 * issuer), its endpoints, its signing keys and the algorithms it signs ID tokens with. A tenant's
 * IdP is stored only when this finds nothing wrong (the operators' onboarding) and the admin
 * console's "test connection" shows it. Nothing is fetched from where SAPPHIRE may not call
 * ({@link OutboundUrls}): not the issuer, not the {@code jwks_uri} or {@code token_endpoint} its
 * document names. A problem is a code the page puts into words; its {@code detail} (an
 * exception's message, which can say much about the network) is for the log and the operators.
 */
public final class IssuerCheck {

    /** The algorithms SAPPHIRE accepts for ID tokens: never {@code none}, never an HMAC. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** How long to wait for an issuer to connect and to answer. */
    public static final int TIMEOUT_MILLIS = 5_000;
    /** The largest JWKS read from an issuer. */
    public static final int MAX_JWKS_BYTES = 512 * 1024;

    /** What can be wrong with an issuer. */
    public enum Problem {
        /** The issuer, or an endpoint its document names, is not an address SAPPHIRE may call. */
        ADDRESS_NOT_ALLOWED,
        /** No discovery document naming exactly this issuer could be read. */
        DISCOVERY_FAILED,
        /** Its keys could not be read. */
        JWKS_FAILED,
        /** Its key set is empty. */
        NO_KEYS,
        /** It signs ID tokens with none of {@link #ALGORITHMS}. */
        NO_ACCEPTED_ALGORITHM
    }

    /** What was found: a problem (null when the issuer can be used) and its detail, and what the issuer offers. */
    public record Found(Problem problem, String detail, URI authorization, URI token, URI endSession, URI jwks,
                        List<String> keys, List<String> algorithms, boolean pkce) implements Serializable {

        public boolean ok() {
            return problem == null;
        }

        /** The problem and its detail in words for operators, or null. */
        public String describe() {
            return problem == null ? null : problem + (detail == null ? "" : ": " + detail);
        }
    }

    private IssuerCheck() {
    }

    public static Found check(String issuer, OutboundUrls outbound) {
        Optional<OutboundUrls.Refusal> refused = outbound.refusal(uri(issuer));
        if (refused.isPresent()) {
            return failed(Problem.ADDRESS_NOT_ALLOWED, "issuer " + refused.get(), null);
        }
        OIDCProviderMetadata found;
        try {
            found = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        } catch (GeneralException | IOException | RuntimeException e) {
            return failed(Problem.DISCOVERY_FAILED, e.getMessage(), null);
        }
        for (URI endpoint : new URI[] {found.getJWKSetURI(), found.getTokenEndpointURI()}) {
            Optional<OutboundUrls.Refusal> endpointRefused = outbound.refusal(endpoint);
            if (endpointRefused.isPresent()) {
                return failed(Problem.ADDRESS_NOT_ALLOWED, endpoint + " " + endpointRefused.get(), found);
            }
        }
        List<String> algorithms = found.getIDTokenJWSAlgs() == null ? List.of()
                : found.getIDTokenJWSAlgs().stream().map(JWSAlgorithm::getName).toList();
        boolean pkce = found.getCodeChallengeMethods() != null
                && found.getCodeChallengeMethods().contains(CodeChallengeMethod.S256);
        try {
            JWKSet keySet = JWKSet.load(found.getJWKSetURI().toURL(), TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_JWKS_BYTES);
            List<String> keyNames = keySet.getKeys().stream().map(key -> key.getKeyType() + " " + key.getKeyID()
                    + (key.getAlgorithm() == null ? "" : " " + key.getAlgorithm().getName())).toList();
            Problem problem = keyNames.isEmpty() ? Problem.NO_KEYS
                    : algorithms.stream().noneMatch(name -> ALGORITHMS.contains(JWSAlgorithm.parse(name)))
                    ? Problem.NO_ACCEPTED_ALGORITHM : null;
            return new Found(problem, problem == null ? null : "algorithms " + algorithms, found.getAuthorizationEndpointURI(),
                    found.getTokenEndpointURI(), found.getEndSessionEndpointURI(), found.getJWKSetURI(), keyNames,
                    algorithms, pkce);
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            return new Found(Problem.JWKS_FAILED, e.getMessage(), found.getAuthorizationEndpointURI(),
                    found.getTokenEndpointURI(), found.getEndSessionEndpointURI(), found.getJWKSetURI(), List.of(),
                    algorithms, pkce);
        }
    }

    private static Found failed(Problem problem, String detail, OIDCProviderMetadata found) {
        return found == null ? new Found(problem, detail, null, null, null, null, List.of(), List.of(), false)
                : new Found(problem, detail, found.getAuthorizationEndpointURI(), found.getTokenEndpointURI(),
                        found.getEndSessionEndpointURI(), found.getJWKSetURI(), List.of(), List.of(), false);
    }

    private static URI uri(String text) {
        try {
            return text == null ? null : new URI(text);
        } catch (java.net.URISyntaxException notAUrl) {
            return null;
        }
    }
}
