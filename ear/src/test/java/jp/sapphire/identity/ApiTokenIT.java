package jp.sapphire.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import jp.sapphire.it.Browser;
import jp.sapphire.it.IdTokens;
import jp.sapphire.it.Pages;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Personal API tokens: made on the tokens page, shown once, verified by MicroProfile JWT in the
 * API module, refused (401) when expired, revoked, forged or not SAPPHIRE's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokenIT {

    private static final String TOKENS = Browser.SECURE + "/app/tokens.xhtml";
    private static final String ME = Browser.SECURE + "/api/v1/me";

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    private RemoteTenant tenant;
    private Browser browser;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @BeforeEach
    void signedInApprover() {
        tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(),
                "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato");
        idp.nextSignIn(tenant.issuerId(), "sato", Map.of("name", "佐藤 花子"));
        browser = new Browser();
        SignInFlow.signIn(browser, tenant.slug());
    }

    @Test
    void aTokenMadeOnTheTokensPageOpensTheApiAsItsMember() {
        String token = create("経費連携", "30");

        HttpResponse<String> me = browser.get(ME, "Bearer " + token);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"tenant\":\"" + tenant.slug() + "\"")
                .contains("\"name\":\"佐藤 花子\"").contains("\"roles\":[\"APPROVER\",\"EMPLOYEE\"]");
        assertThat(RemoteFixture.audit(tenant)).first().asString().startsWith("TOKEN_CREATED SUCCESS").contains("経費連携");
    }

    @Test
    void theTokenIsShownOnceAndNeverAgain() {
        String token = create("一度だけ", "7");
        String later = browser.get(TOKENS).body();
        assertThat(later).contains("一度だけ").doesNotContain(token).doesNotContain("issued-token");
    }

    @Test
    void theTokenCarriesWhatTheApiChecks() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(create("claims", "90")).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(Browser.SECURE + "/api");
        assertThat(claims.getAudience()).containsExactly("sapphire-api");
        assertThat(claims.getStringClaim("tenant")).isEqualTo(tenant.id().toString());
        assertThat(claims.getStringListClaim("groups")).containsExactly("APPROVER", "EMPLOYEE");
        assertThat(claims.getJWTID()).isNotBlank();
        long days = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 86_400_000;
        assertThat(days).isEqualTo(90);
    }

    @Test
    void aRevokedTokenIsRefused() {
        String token = create("失効させる", "30");
        assertThat(browser.get(ME, "Bearer " + token).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = Pages.submit(browser, TOKENS, "list", "tokens:0:revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(200);

        assertThat(browser.get(ME, "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(RemoteFixture.audit(tenant)).element(0).asString().startsWith("ACCESS_REFUSED FAILURE").contains("revoked");
        assertThat(RemoteFixture.audit(tenant)).element(1).asString().startsWith("TOKEN_REVOKED SUCCESS");
    }

    @Test
    void noTokenAtAllIsRefused() {
        HttpResponse<String> response = new Browser().get(ME);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at jp.sapphire");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant longAgo = ServerClock.now().minusSeconds(7200);
        assertRefused(claims -> claims.issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plusSeconds(600))));
    }

    @Test
    void aWrongIssuerIsRefused() {
        assertRefused(claims -> claims.issuer("https://evil.example/api"));
    }

    @Test
    void aWrongAudienceIsRefused() {
        assertRefused(claims -> claims.audience("another-api"));
    }

    @Test
    void anAdministratorsTokenLivesADayWhateverItAskedAndIsRefusedAfter() throws Exception {
        tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "EMPLOYEE:SUBJECT:tanaka", "TENANT_ADMIN:SUBJECT:tanaka");
        idp.nextSignIn(tenant.issuerId(), "tanaka", Map.of("name", "田中 美咲"));
        browser = new Browser();
        SignInFlow.signIn(browser, tenant.slug());
        ServerClock.freezeNow();
        String token = create("管理者のトークン", "30");
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("groups")).contains("TENANT_ADMIN");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .as("30 days asked, a day given").isEqualTo(Duration.ofDays(1));
        assertThat(browser.get(ME, "Bearer " + token).statusCode()).isEqualTo(200);
        ServerClock.move(Duration.ofDays(1));
        assertThat(browser.get(ME, "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutItsIdIsRefusedEvenWithAGoodSignature() {
        assertRefused(claims -> claims.jwtID(null));
    }

    @Test
    void aTokenSapphireNeverIssuedIsRefusedEvenWithAGoodSignature() {
        assertRefused(claims -> claims.jwtID(UUID.randomUUID().toString()));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        JWTClaimsSet genuine = SignedJWT.parse(create("genuine", "30")).getJWTClaimsSet();
        String forged = sign(IdTokens.otherKey("sapphire"), genuine);
        assertThat(browser.get(ME, "Bearer " + forged).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWTClaimsSet genuine = SignedJWT.parse(create("genuine", "30")).getJWTClaimsSet();
        assertThat(browser.get(ME, "Bearer " + new PlainJWT(genuine).serialize()).statusCode()).isEqualTo(401);
    }

    @Test
    void theFormRefusesAnExpiryBeyondNinetyDaysAndAMissingNameStoringNothing() {
        HttpResponse<String> tooLong = Pages.submit(browser, TOKENS, "create", "submit", Map.of("name", "長すぎ", "days", "91"));
        assertThat(Pages.text(tooLong.body(), "create:days-message")).contains("有効日数は1〜90の整数で入力してください。");
        HttpResponse<String> nameless = Pages.submit(browser, TOKENS, "create", "submit", Map.of("name", "", "days", "30"));
        assertThat(Pages.text(nameless.body(), "create:name-message")).contains("名前を入力してください。");
        HttpResponse<String> notANumber = Pages.submit(browser, TOKENS, "create", "submit", Map.of("name", "x", "days", "三十"));
        assertThat(Pages.text(notANumber.body(), "create:days-message")).contains("有効日数は1〜90の整数で入力してください。");

        assertThat(browser.get(TOKENS).body()).doesNotContain("長すぎ").doesNotContain("id=\"list:tokens\"");
        assertThat(RemoteFixture.audit(tenant)).noneMatch(line -> line.startsWith("TOKEN_CREATED"));
    }

    @Test
    void aMemberSeesOnlyTheirOwnTokens() {
        create("佐藤のトークン", "30");
        RemoteTenant other = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(), "EMPLOYEE:SUBJECT:sato");
        idp.nextSignIn(other.issuerId(), "sato", Map.of());
        Browser otherBrowser = new Browser();
        SignInFlow.signIn(otherBrowser, other.slug());

        assertThat(otherBrowser.get(TOKENS).body()).doesNotContain("佐藤のトークン");
    }

    /** Takes a genuine token, changes its claims and signs it with SAPPHIRE's own key. */
    private void assertRefused(UnaryOperator<JWTClaimsSet.Builder> tamper) {
        try {
            JWTClaimsSet genuine = SignedJWT.parse(create("genuine", "30")).getJWTClaimsSet();
            String tampered = sign(sapphireKey(), tamper.apply(new JWTClaimsSet.Builder(genuine)).build());
            assertThat(browser.get(ME, "Bearer " + tampered).statusCode()).isEqualTo(401);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String create(String name, String days) {
        HttpResponse<String> page = Pages.submit(browser, TOKENS, "create", "submit", Map.of("name", name, "days", days));
        return Pages.text(page.body(), "issued-token").orElseThrow(() -> new AssertionError("no token issued"));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The test server's own signing key, as the build generated it (PKCS#8 PEM). */
    private static RSAKey sapphireKey() {
        Path pem = Path.of(System.getProperty("arquillian.wlp.home"), "usr/servers/sapphire-it/resources/security/api-signing-key.pem");
        try {
            String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            var pub = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            return new RSAKey.Builder(pub).privateKey(priv).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
