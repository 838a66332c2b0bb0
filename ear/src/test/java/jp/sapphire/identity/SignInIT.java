package jp.sapphire.identity;

import static jp.sapphire.it.SignInFlow.memberName;
import static jp.sapphire.it.SignInFlow.roles;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import jp.sapphire.it.Browser;
import jp.sapphire.it.IdTokens;
import jp.sapphire.it.Pages;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.ServerClock;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.SignInFlow.Started;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whitepaper §8–10: members sign in through their own company's IdP, SAPPHIRE keeps no
 * passwords, and it accepts nothing an IdP did not properly vouch for. Browser-less: each test
 * is one or more "browsers" (cookie jars) against the deployed EAR and a real OpenID provider.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private static RemoteTenant tenant(Map<String, String> options, String... bindings) {
        return RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), options, bindings);
    }

    @Test
    void aSignInLinkOfAnotherTenantAsksBeforeItReplacesTheSession() {
        RemoteTenant ours = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        RemoteTenant theirs = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser browser = SignInFlow.signedIn(idp, ours, "yamada");

        HttpResponse<String> link = browser.get(Browser.SECURE + "/t/" + theirs.slug() + "/");
        assertThat(Browser.location(link)).isEqualTo(Browser.SECURE + "/app/switch-tenant.xhtml?to=" + theirs.slug());
        String question = browser.get(Browser.location(link)).body();
        assertThat(question).contains("現在 " + ours.slug() + " にサインインしています。" + theirs.slug() + " にサインインするには");
        assertThat(browser.get(SignInFlow.HOME).body()).as("still signed in to ours").contains("(" + ours.slug() + ")");

        HttpResponse<String> switched = Pages.submit(browser, Browser.location(link), "switch", "go", Map.of("to", theirs.slug()));
        assertThat(Browser.location(switched)).isEqualTo(Browser.SECURE + "/t/" + theirs.slug() + "/");
        assertThat(SignInFlow.started(browser.get(Browser.location(switched))).authorizationRequest())
                .as("now the sign-in to theirs begins").contains(theirs.issuerId());
        assertThat(browser.get(SignInFlow.HOME).statusCode()).as("signed out of ours").isEqualTo(302);
    }

    @Test
    void eachRoleSignsInAndSeesTheirNameAndRoles() {
        RemoteTenant tenant = tenant(Map.of("privileged", "true"),
                "EMPLOYEE:GROUP:staff", "APPROVER:SUBJECT:sato", "ACCOUNTING:GROUP:keiri", "TENANT_ADMIN:SUBJECT:tanaka");
        Map<String, List<String>> expected = Map.of(
                "yamada", List.of("EMPLOYEE"),
                "sato", List.of("EMPLOYEE", "APPROVER"),
                "suzuki", List.of("EMPLOYEE", "ACCOUNTING"),
                "tanaka", List.of("EMPLOYEE", "TENANT_ADMIN"));
        Map<String, List<String>> groups = Map.of("suzuki", List.of("staff", "keiri"));

        expected.forEach((subject, roles) -> {
            idp.nextSignIn(tenant.issuerId(), subject, Map.of("name", subject + " さん",
                    "groups", groups.getOrDefault(subject, List.of("staff"))));
            String home = SignInFlow.signIn(new Browser(), tenant.slug());
            assertThat(memberName(home)).as(subject).isEqualTo(subject + " さん");
            assertThat(roles(home)).as(subject).containsExactlyElementsOf(roles);
        });
        assertThat(RemoteFixture.audit(tenant)).filteredOn(line -> line.startsWith("SIGN_IN SUCCESS")).hasSize(4);
    }

    @Test
    void theAuthorizationRequestUsesPkceStateAndNonce() {
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Started started = SignInFlow.start(new Browser(), tenant.slug());

        assertThat(started.authorizationRequest()).startsWith(idp.issuer(tenant.issuerId()));
        assertThat(started.parameters())
                .containsEntry("response_type", "code")
                .containsEntry("client_id", RemoteFixture.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", Browser.SECURE + "/t/" + tenant.slug() + "/callback")
                .containsKeys("code_challenge", "state", "nonce");
        assertThat(started.state()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(started.nonce()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(started.state());
    }

    @Test
    void aRotatedIdpKeyIsFetchedAgainByItsNewKeyIdButNotMoreOftenThanEveryFiveSeconds() {
        ServerClock.freezeNow();
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        idp.nextSignIn(tenant.issuerId(), "yamada", Map.of());
        SignInFlow.signIn(new Browser(), tenant.slug());
        String before = idp.signingKey(tenant.issuerId()).getKeyID();

        idp.rotateKey(tenant.issuerId());
        Browser tooSoon = new Browser();
        assertThat(SignInFlow.refusal(tooSoon, SignInFlow.throughIdp(tooSoon, SignInFlow.start(tooSoon, tenant.slug()))))
                .as("SAPPHIRE fetches an IdP's keys at most once per 5 s (OpenIdConnect.JWKS_REFETCH_INTERVAL)")
                .isEqualTo("TOKEN_INVALID");
        ServerClock.move(Duration.ofSeconds(5));

        assertThat(idp.signingKey(tenant.issuerId()).getKeyID()).isNotEqualTo(before);
        assertThat(memberName(SignInFlow.signIn(new Browser(), tenant.slug()))).isEqualTo("yamada");
    }

    @Test
    void aSessionIdleForLongerThanThirtyMinutesEndsAtItsNextRequest() {
        ServerClock.freezeNow();
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser browser = SignInFlow.signedIn(idp, tenant, "yamada");

        ServerClock.move(Duration.ofMinutes(30));
        assertThat(browser.get(SignInFlow.HOME).statusCode()).as("idle for exactly 30 minutes").isEqualTo(200);
        ServerClock.move(Duration.ofMinutes(30).plusSeconds(1));
        HttpResponse<String> after = browser.get(SignInFlow.HOME);

        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(Browser.location(after)).isEqualTo(Browser.SECURE + "/index.xhtml");
        assertThat(browser.get(SignInFlow.HOME).statusCode()).as("the session is gone, not just this request").isEqualTo(302);
        assertThat(RemoteFixture.audit(tenant)).first().asString().startsWith("SIGN_OUT SUCCESS").contains("30 idle minutes");
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser browser = new Browser();
        idp.nextSignIn(tenant.issuerId(), "yamada", Map.of());
        Started started = SignInFlow.start(browser, tenant.slug());
        String before = browser.cookie("SAPPHIRE_SESSION").orElseThrow();

        SignInFlow.throughIdp(browser, started);

        assertThat(browser.cookie("SAPPHIRE_SESSION")).get().isNotEqualTo(before);
        assertThat(browser.get(SignInFlow.HOME).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutSignInTheApplicationSendsTheBrowserToTheTenantChooser() {
        HttpResponse<String> home = new Browser().get(SignInFlow.HOME);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(Browser.location(home)).isEqualTo(Browser.SECURE + "/index.xhtml");
    }

    @Test
    void signOutEndsTheSessionAndTheIdpSession() {
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser browser = new Browser();
        idp.nextSignIn(tenant.issuerId(), "yamada", Map.of());
        SignInFlow.signIn(browser, tenant.slug());

        HttpResponse<String> signOut = Pages.submit(browser, SignInFlow.HOME, "signout", "button", Map.of());

        assertThat(Browser.location(signOut)).startsWith(idp.issuer(tenant.issuerId()) + "/endsession")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        assertThat(browser.get(SignInFlow.HOME).statusCode()).isEqualTo(302);
        assertThat(RemoteFixture.audit(tenant)).first().asString().startsWith("SIGN_OUT SUCCESS");
    }

    @Test
    void aPersonWithoutAnyRoleIsRefusedButRecordedAsAMember() {
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser browser = new Browser();
        idp.nextSignIn(tenant.issuerId(), "stranger", Map.of());

        assertThat(SignInFlow.refusal(browser, SignInFlow.throughIdp(browser, SignInFlow.start(browser, tenant.slug()))))
                .isEqualTo("NO_ROLE");
        assertThat(RemoteFixture.audit(tenant)).first().asString()
                .startsWith("SIGN_IN FAILURE").contains("sub=stranger").contains("NO_ROLE");
    }

    @Test
    void anUnknownTenantIsRefused() {
        HttpResponse<String> start = new Browser().get(Browser.SECURE + "/t/no-such-company/");
        assertThat(Browser.location(start)).contains("reason=UNKNOWN_TENANT");
    }

    @Test
    void theMfaRuleGrantsTenantAdminOnlyWithMfaAndOffersAStepUp() {
        RemoteTenant tenant = tenant(Map.of("privileged", "true", "mfaAmr", "mfa,otp"),
                "EMPLOYEE:SUBJECT:tanaka", "TENANT_ADMIN:SUBJECT:tanaka");
        Browser browser = new Browser();

        idp.nextSignIn(tenant.issuerId(), "tanaka", Map.of("amr", List.of("pwd")));
        String withoutMfa = SignInFlow.signIn(browser, tenant.slug());
        assertThat(roles(withoutMfa)).containsExactly("EMPLOYEE");
        assertThat(withoutMfa).contains("id=\"step-up\"").contains("/t/" + tenant.slug() + "/stepup");

        Started stepUp = SignInFlow.started(browser.get(Browser.SECURE + "/t/" + tenant.slug() + "/stepup"));
        assertThat(stepUp.parameters()).containsEntry("prompt", "login");
        assertThat(Browser.location(answerAsIdp(browser, tenant, stepUp, "tanaka",
                claims -> claims.claim("amr", List.of("pwd", "otp"))))).isEqualTo(SignInFlow.HOME);
        String withMfa = browser.get(SignInFlow.HOME).body();
        assertThat(roles(withMfa)).containsExactly("EMPLOYEE", "TENANT_ADMIN");
        assertThat(withMfa).doesNotContain("id=\"step-up\"");
    }

    @Test
    void anAcrRuleIsRequestedWithTheStepUp() {
        RemoteTenant tenant = tenant(Map.of("privileged", "true", "mfaAcr", "urn:test:loa:high"),
                "TENANT_ADMIN:SUBJECT:tanaka", "EMPLOYEE:SUBJECT:tanaka");
        Browser browser = new Browser();
        idp.nextSignIn(tenant.issuerId(), "tanaka", Map.of("acr", "urn:test:loa:low"));
        assertThat(roles(SignInFlow.signIn(browser, tenant.slug()))).containsExactly("EMPLOYEE");

        Started stepUp = SignInFlow.started(browser.get(Browser.SECURE + "/t/" + tenant.slug() + "/stepup"));
        assertThat(stepUp.parameters()).containsEntry("prompt", "login").containsEntry("acr_values", "urn:test:loa:high");
        answerAsIdp(browser, tenant, stepUp, "tanaka", claims -> claims.claim("acr", "urn:test:loa:high"));
        assertThat(roles(browser.get(SignInFlow.HOME).body())).containsExactly("EMPLOYEE", "TENANT_ADMIN");
    }

    @Test
    void tenantAdminCannotBeBoundUntilTheProviderEnablesThePrivilegedAccount() {
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:tanaka");
        assertThat(RemoteFixture.bind(tenant, "TENANT_ADMIN:SUBJECT:tanaka")).isFalse();
        assertThat(RemoteFixture.audit(tenant)).first().asString()
                .startsWith("ROLE_BINDING_GRANTED FAILURE").contains("privileged account not enabled");
        assertThat(RemoteFixture.bind(tenant, "APPROVER:SUBJECT:tanaka")).isTrue();
    }

    // ---- ID tokens that must be refused, each with an error page and an audit entry ----

    @Test
    void wrongIssuerIsRefused() {
        refusedWith(flow -> IdTokens.rs256(flow.key, flow.claims().issuer(flow.issuer + "-evil").build()));
    }

    @Test
    void missingSubjectIsRefused() {
        refusedWith(flow -> IdTokens.rs256(flow.key, flow.claims().subject(null).build()));
    }

    @Test
    void wrongAudienceIsRefused() {
        refusedWith(flow -> IdTokens.rs256(flow.key, flow.claims().audience("another-client").build()));
    }

    @Test
    void missingIssueTimeIsRefused() {
        refusedWith(flow -> IdTokens.rs256(flow.key, flow.claims().issueTime(null).build()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant longAgo = ServerClock.now().minusSeconds(3600);
        refusedWith(flow -> IdTokens.rs256(flow.key, flow.claims()
                .issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plusSeconds(300))).build()));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        refusedWith(flow -> IdTokens.unsigned(flow.claims().build()));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        refusedWith(flow -> IdTokens.hs256WithPublicKey(flow.key, flow.claims().build()));
    }

    @Test
    void aBadSignatureIsRefused() {
        refusedWith(flow -> IdTokens.rs256(IdTokens.otherKey(flow.key.getKeyID()), flow.claims().build()));
    }

    @Test
    void anUnknownKeyIdIsRefused() {
        refusedWith(flow -> IdTokens.rs256(IdTokens.otherKey("unknown-" + UUID.randomUUID()), flow.claims().build()));
    }

    @Test
    void aWrongNonceIsRefused() {
        refusedWith(flow -> IdTokens.rs256(flow.key, flow.claims().claim("nonce", "not-this-flow").build()));
    }

    @Test
    void aTokenFromAnotherTenantsIdpIsRefused() {
        RemoteTenant other = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        RSAKey otherKey = idp.signingKey(other.issuerId());
        String otherIssuer = idp.issuer(other.issuerId());
        // Issued by the other tenant's IdP, for the same client id, valid in every other respect.
        refusedWith(flow -> IdTokens.rs256(otherKey, flow.claims().issuer(otherIssuer).build()));
    }

    @Test
    void aCallbackWithAnUnknownStateIsRefused() {
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser browser = new Browser();
        SignInFlow.start(browser, tenant.slug());
        assertThat(SignInFlow.refusal(browser, SignInFlow.callback(browser, tenant.slug(), "forged-state", "x")))
                .isEqualTo("STATE_MISMATCH");
        assertThat(RemoteFixture.audit(tenant)).first().asString().startsWith("SIGN_IN FAILURE").contains("STATE_MISMATCH");
    }

    @Test
    void aReplayedAuthorizationCodeIsRefused() {
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser victim = new Browser();
        idp.nextSignIn(tenant.issuerId(), "yamada", Map.of());
        Started started = SignInFlow.start(victim, tenant.slug());
        HttpResponse<String> idpAnswer = victim.get(started.authorizationRequest());
        String callback = Browser.location(idpAnswer);
        assertThat(Browser.location(victim.get(callback))).isEqualTo(SignInFlow.HOME);

        assertThat(SignInFlow.refusal(victim, victim.get(callback))).isEqualTo("STATE_MISMATCH");
        Browser attacker = new Browser();
        assertThat(SignInFlow.refusal(attacker, attacker.get(callback))).isEqualTo("STATE_MISMATCH");
        assertThat(attacker.get(SignInFlow.HOME).statusCode()).isEqualTo(302);
    }

    @Test
    void aCallbackOfOneTenantsFlowAtAnotherTenantIsRefused() {
        RemoteTenant a = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        RemoteTenant b = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser browser = new Browser();
        idp.nextSignIn(a.issuerId(), "yamada", Map.of());
        Started started = SignInFlow.start(browser, a.slug());
        String callbackForA = Browser.location(browser.get(started.authorizationRequest()));

        String atB = callbackForA.replace("/t/" + a.slug() + "/", "/t/" + b.slug() + "/");
        assertThat(SignInFlow.refusal(browser, browser.get(atB))).isEqualTo("STATE_MISMATCH");
        assertThat(browser.get(SignInFlow.HOME).statusCode()).isEqualTo(302);
    }

    /**
     * Completes a flow as the tenant's IdP would after authenticating the person again (the test
     * IdP shows its login page for {@code prompt=login}): a valid ID token with these claims.
     */
    private static HttpResponse<String> answerAsIdp(Browser browser, RemoteTenant tenant, Started started, String subject,
                                                    Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> claims) {
        var valid = IdTokens.valid(idp.issuer(tenant.issuerId()), RemoteFixture.CLIENT_ID, subject, started.nonce());
        idp.craftNextIdToken(tenant.issuerId(), IdTokens.rs256(idp.signingKey(tenant.issuerId()), claims.apply(valid).build()));
        return SignInFlow.callback(browser, tenant.slug(), started.state(), "any-code");
    }

    /** One sign-in flow of a fresh tenant, with what a test needs to forge its ID token. */
    private record Flow(String issuer, RSAKey key, String subject, String nonce) {

        JWTClaimsSet.Builder claims() {
            return IdTokens.valid(issuer, RemoteFixture.CLIENT_ID, subject, nonce);
        }
    }

    /**
     * Runs a sign-in whose token response carries the forged ID token; expects the error page
     * with TOKEN_INVALID, no session, and a FAILURE entry in the system audit log.
     */
    private void refusedWith(Function<Flow, String> forge) {
        RemoteTenant tenant = tenant(Map.of(), "EMPLOYEE:SUBJECT:yamada");
        Browser browser = new Browser();
        Started started = SignInFlow.start(browser, tenant.slug());
        Flow flow = new Flow(idp.issuer(tenant.issuerId()), idp.signingKey(tenant.issuerId()), "yamada", started.nonce());
        idp.craftNextIdToken(tenant.issuerId(), forge.apply(flow));

        HttpResponse<String> callback = SignInFlow.callback(browser, tenant.slug(), started.state(), "any-code");

        assertThat(SignInFlow.refusal(browser, callback)).isEqualTo("TOKEN_INVALID");
        assertThat(browser.get(SignInFlow.HOME).statusCode()).as("not signed in").isEqualTo(302);
        assertThat(RemoteFixture.audit(tenant)).first().asString().startsWith("SIGN_IN FAILURE").contains("TOKEN_INVALID");
    }
}
