package jp.sapphire.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs SAPPHIRE's API tokens: RS256 JWTs that the API module verifies with MicroProfile JWT.
 *
 * <p>Configuration: {@code sapphire.api.signing-key-location} (a file with the RSA private key,
 * PKCS#8 PEM), {@code sapphire.api.issuer}; the audience is always {@value #AUDIENCE}.
 */
@ApplicationScoped
public class ApiTokenSigner {

    public static final String AUDIENCE = "sapphire-api";
    public static final String TENANT_CLAIM = "tenant";
    public static final String TENANT_SLUG_CLAIM = "tenant_slug";

    @Inject
    @ConfigProperty(name = "sapphire.api.signing-key-location")
    String signingKeyLocation;

    @Inject
    @ConfigProperty(name = "sapphire.api.issuer")
    String issuer;

    private RSASSASigner signer;

    @PostConstruct
    void loadKey() {
        try {
            signer = new RSASSASigner(privateKey(Files.readString(Path.of(signingKeyLocation))));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the API signing key at " + signingKeyLocation, e);
        }
    }

    public String sign(UUID jti, SapphirePrincipal member, Collection<Role> roles, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(member.memberId().toString())
                .claim("upn", member.memberId().toString())
                .claim("name", member.displayName())
                .claim("groups", roles.stream().map(Role::name).sorted().toList())
                .claim(TENANT_CLAIM, member.tenantId().toString())
                .claim(TENANT_SLUG_CLAIM, member.tenantSlug())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti.toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign API token", e);
        }
        return jwt.serialize();
    }

    static PrivateKey privateKey(String pem) {
        // Whatever became of the line breaks on the way through configuration, only the base64 counts.
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The API signing key is not an RSA private key in PKCS#8 PEM", e);
        }
    }
}
