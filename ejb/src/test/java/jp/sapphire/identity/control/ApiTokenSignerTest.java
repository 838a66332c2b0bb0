package jp.sapphire.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;
import org.junit.jupiter.api.Test;

class ApiTokenSignerTest {

    private static final KeyPair KEYS = rsa();

    @Test
    void signsAnRs256TokenWithEveryClaimTheApiRelies() throws Exception {
        ApiTokenSigner signer = signer(pem(KEYS, "\n"));
        UUID jti = UUID.randomUUID();
        var member = new SapphirePrincipal(UUID.randomUUID(), "acme", UUID.randomUUID(), "山田 太郎");
        Instant now = Instant.parse("2026-11-26T00:00:00Z");

        SignedJWT jwt = SignedJWT.parse(signer.sign(jti, member, List.of(Role.APPROVER, Role.EMPLOYEE), now,
                now.plusSeconds(86_400)));

        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic()))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://sapphire.test/api");
        assertThat(claims.getAudience()).containsExactly(ApiTokenSigner.AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo(member.memberId().toString());
        assertThat(claims.getStringClaim("upn")).isEqualTo(member.memberId().toString());
        assertThat(claims.getStringListClaim("groups")).containsExactly("APPROVER", "EMPLOYEE");
        assertThat(claims.getStringClaim("tenant")).isEqualTo(member.tenantId().toString());
        assertThat(claims.getStringClaim("tenant_slug")).isEqualTo("acme");
        assertThat(claims.getJWTID()).isEqualTo(jti.toString());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(86_400));
    }

    @Test
    void readsTheKeyWhateverBecameOfItsLineBreaks() {
        assertThat(ApiTokenSigner.privateKey(pem(KEYS, "\n"))).isEqualTo(KEYS.getPrivate());
        assertThat(ApiTokenSigner.privateKey(pem(KEYS, ""))).isEqualTo(KEYS.getPrivate());
        assertThat(ApiTokenSigner.privateKey(pem(KEYS, "\r\n"))).isEqualTo(KEYS.getPrivate());
    }

    @Test
    void refusesSomethingThatIsNotAnRsaPrivateKey() {
        assertThatThrownBy(() -> ApiTokenSigner.privateKey("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("API signing key");
    }

    private static ApiTokenSigner signer(String pem) throws IOException {
        Path key = Files.createTempFile("api-signing-key", ".pem");
        Files.writeString(key, pem);
        ApiTokenSigner signer = new ApiTokenSigner();
        signer.signingKeyLocation = key.toString();
        signer.issuer = "https://sapphire.test/api";
        signer.loadKey();
        Files.delete(key);
        return signer;
    }

    private static String pem(KeyPair keys, String lineBreak) {
        String body = Base64.getMimeEncoder(64, lineBreak.isEmpty() ? new byte[0] : lineBreak.getBytes())
                .encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----" + lineBreak + body + lineBreak + "-----END PRIVATE KEY-----" + lineBreak;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
