package jp.sapphire.identity.view;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.sapphire.admin.boundary.Impersonation;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.defence.control.RateLimits;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.SignIn;
import jp.sapphire.identity.boundary.SignInRefusedException;
import jp.sapphire.identity.boundary.SignInSettings;
import jp.sapphire.identity.boundary.SignedIn;
import jp.sapphire.identity.boundary.VerifiedIdentity;
import jp.sapphire.identity.control.OpenIdConnect.VerifiedTokens;
import jp.sapphire.identity.control.OpenIdConnect;
import jp.sapphire.identity.control.PendingSignIn;
import jp.sapphire.identity.control.SignInFailure.Reason;
import jp.sapphire.identity.control.SignInFailure;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.platform.control.ServiceMeters;
import jp.sapphire.platform.view.PlainPage;
import jp.sapphire.tenant.boundary.TenantDirectory;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs browsers in through their tenant's own IdP (whitepaper §8, §10).
 * <ul>
 *   <li>{@code /t/{tenant}/} starts the code flow at that tenant's IdP ({@code /t/{tenant}/stepup}
 *       asks it to authenticate again, for the privileged role's MFA rule);</li>
 *   <li>{@code /t/{tenant}/callback} takes the answer, verifies the ID token against the IdP
 *       that this very flow was started for — so a token from another tenant's IdP fails there —
 *       signs the member in with a new session id and sends them to {@code /app/home.xhtml};</li>
 *   <li>every other request is authenticated from the session, or, if the resource is protected
 *       and there is no session, sent to the tenant chooser at {@code /}.</li>
 * </ul>
 * Every sign-in, and every refusal with its reason, goes to the system audit log.
 */
@ApplicationScoped
public class TenantSignInMechanism implements HttpAuthenticationMechanism {

    static final String HOME = "/app/home.xhtml";
    static final String CHOOSER = "/index.xhtml";
    static final String ERROR_PAGE = "/signin-error.xhtml";
    static final String SWITCH_PAGE = "/app/switch-tenant.xhtml";

    private static final Pattern TENANT_PATH = Pattern.compile("/t/([a-z0-9][a-z0-9-]{1,62})/(stepup|callback)?");
    /** Paths of the operators' door: on the customers' port they do not exist, whoever asks (no sign-in page either). */
    private static final Pattern OPERATOR_PATH = Pattern.compile("/(IBMJMXConnectorREST|health|openapi|metrics|ibm/api)(/.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    OpenIdConnect oidc;

    @Inject
    TenantContext tenants;

    @EJB
    TenantDirectory directory;

    @EJB
    IdentityProviders identityProviders;

    @EJB
    SignIn signIn;

    @EJB
    Impersonation impersonation;

    @EJB
    SystemAudit audit;

    @Inject
    ServiceMeters meters;

    @Inject
    @ConfigProperty(name = "sapphire.ui.base-url")
    String baseUrl;

    /** Liberty ends an idle HTTP session after this too; here it is measured on the service's clock. */
    @Inject
    @ConfigProperty(name = "sapphire.session.idle-minutes")
    long idleMinutes;

    @Inject
    Clock clock;

    @Inject
    RateLimits limits;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPERATOR_PATH.matcher(path).matches()) {
            return context.responseNotFound();
        }
        Matcher tenantPath = TENANT_PATH.matcher(path);
        if (tenantPath.matches()) {
            String slug = tenantPath.group(1);
            RateLimits.Verdict verdict = limits.take(RateLimits.Limit.SIGN_IN, request.getRemoteAddr() + " " + slug);
            if (!verdict.allowed()) {
                return tooManySignIns(response, verdict);
            }
            return "callback".equals(tenantPath.group(2))
                    ? callback(slug, request, context)
                    : start(slug, "stepup".equals(tenantPath.group(2)), request, context);
        }
        var member = BrowserSession.member(request);
        if (member.isPresent() && !BrowserSession.stillActive(request, clock.instant(), Duration.ofMinutes(idleMinutes))) {
            request.getSession().invalidate();
            audit.success(SystemEvent.SIGN_OUT, member.get().signedIn().principal().tenantId(),
                    "member:" + member.get().signedIn().principal().memberId(),
                    "browser session ended after " + idleMinutes + " idle minutes");
            return context.isProtected() ? context.redirect(url(CHOOSER)) : context.doNothing();
        }
        var admin = BrowserSession.impersonator(request);
        if (member.isPresent() && admin.isPresent()) {
            Optional<AuthenticationStatus> acting = asImpersonated(request, context, member.get().signedIn(),
                    admin.get().signedIn());
            if (acting.isPresent()) {
                return acting.get();
            }
            member = BrowserSession.member(request);
        }
        if (member.isPresent()) {
            SignedIn before = member.get().signedIn();
            Optional<SignedIn> now = stillSignedIn(before);
            if (now.isPresent()) {
                if (!now.get().roles().equals(before.roles())) {
                    BrowserSession.update(request, now.get());
                }
                return context.notifyContainerAboutLogin(now.get().principal(), groups(now.get()));
            }
            request.getSession().invalidate();
            audit.failure(SystemEvent.ACCESS_REFUSED, before.principal().tenantId(), "member:" + before.principal().memberId(),
                    "browser session ended: the member was deactivated, the tenant suspended, or no role is left");
        }
        return context.isProtected() ? context.redirect(url(CHOOSER)) : context.doNothing();
    }

    /**
     * A session in which an administrator acts as a member: it goes on as the member until its time
     * is up, or either of them is deactivated, or the administrator is no longer one; then it is the
     * administrator's own session again (empty answer), or none if the administrator lost the role.
     */
    private Optional<AuthenticationStatus> asImpersonated(HttpServletRequest request, HttpMessageContext context,
                                                          SignedIn as, SignedIn admin) {
        Optional<SignedIn> adminNow = stillSignedIn(admin);
        boolean stillAdmin = adminNow.isPresent() && adminNow.get().roles().contains(Role.TENANT_ADMIN);
        boolean expired = BrowserSession.impersonationEnds(request).map(ends -> !clock.instant().isBefore(ends)).orElse(true);
        if (stillAdmin && !expired && stillSignedIn(as).isPresent()) {
            return Optional.of(context.notifyContainerAboutLogin(as.principal(), groups(as)));
        }
        String why = expired ? "time is up" : "a person in it was deactivated or lost the role";
        tenants.callAsTenant(as.principal().tenantId(), () -> {
            impersonation.ended(as.principal(), why);
            return null;
        });
        BrowserSession.endImpersonation(request);
        if (stillAdmin) {
            BrowserSession.update(request, adminNow.get());
        }
        return Optional.empty();
    }

    /**
     * Too many sign-ins from this address for this tenant (sapphire.rate-limit.sign-in.per-minute):
     * 429 with how long to wait, before any session is made or the IdP is asked.
     */
    private static AuthenticationStatus tooManySignIns(HttpServletResponse response, RateLimits.Verdict verdict) {
        try {
            PlainPage.write(response, 429, verdict.retryAfterSeconds(), "too-many-requests", verdict.retryAfterSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The member of a session at this request: deactivated, their session ends now; their roles are
     * those the bindings give them now, so a grant or a revocation counts from this request.
     */
    private Optional<SignedIn> stillSignedIn(SignedIn signedIn) {
        return tenants.callAsTenant(signedIn.principal().tenantId(), () -> signIn.refresh(signedIn));
    }

    private AuthenticationStatus start(String slug, boolean stepUp, HttpServletRequest request,
                                       HttpMessageContext context) {
        var current = BrowserSession.member(request);
        if (current.isPresent() && !stepUp && current.get().signedIn().principal().tenantSlug().equals(slug)) {
            return context.redirect(url(HOME));
        }
        if (current.isPresent() && !current.get().signedIn().principal().tenantSlug().equals(slug)) {
            // Signed in to another tenant: a link must not silently replace that session; the member decides.
            return context.redirect(url(SWITCH_PAGE) + "?to=" + slug);
        }
        try {
            Tenant tenant = directory.findActive(slug)
                    .orElseThrow(() -> new SignInFailure(Reason.UNKNOWN_TENANT, "no active tenant " + slug));
            SignInSettings idp = settingsOf(tenant.getId());
            PendingSignIn pending = new PendingSignIn(random(), random(), new CodeVerifier().getValue(),
                    tenant.getId(), slug, stepUp, clock.instant(),
                    stepUp ? PendingSignIn.ownPage(request.getParameter("return")) : null);
            URI authorization = oidc.authorizationRequest(idp, pending, callbackUri(slug));
            BrowserSession.remember(request, pending);
            return context.redirect(authorization.toString());
        } catch (SignInFailure failure) {
            return refuse(failure, null, slug, null, context);
        }
    }

    private AuthenticationStatus callback(String slug, HttpServletRequest request, HttpMessageContext context) {
        String state = request.getParameter("state");
        PendingSignIn pending = BrowserSession.take(request, state).orElse(null);
        VerifiedIdentity identity = null;
        try {
            if (pending == null || !pending.tenantSlug().equals(slug)) {
                throw new SignInFailure(Reason.STATE_MISMATCH, "callback with unknown or replayed state");
            }
            if (pending.isExpiredAt(clock.instant())) {
                throw new SignInFailure(Reason.STATE_EXPIRED, "sign-in started at " + pending.startedAt());
            }
            if (request.getParameter("error") != null) {
                throw new SignInFailure(Reason.IDP_ERROR, "IdP answered " + request.getParameter("error") + ": "
                        + request.getParameter("error_description"));
            }
            String code = request.getParameter("code");
            if (code == null || code.isBlank()) {
                throw new SignInFailure(Reason.IDP_ERROR, "callback without a code");
            }
            SignInSettings idp = settingsOf(pending.tenantId());
            VerifiedTokens tokens = oidc.exchange(idp, pending, code, callbackUri(slug));
            identity = identity(idp, tokens.claims());
            SignedIn signedIn = signIn(pending.tenantId(), identity);
            BrowserSession.signIn(request, new BrowserSession.Member(signedIn, idp.issuer(), tokens.idToken()), clock.instant());
            meters.signIn(true, null);
            audit.success(SystemEvent.SIGN_IN, pending.tenantId(), "member:" + signedIn.principal().memberId(),
                    identity.describe() + " roles=" + signedIn.roles() + (pending.stepUp() ? " (step-up)" : ""));
            return context.redirect(url(pending.returnTo() == null ? HOME : pending.returnTo()));
        } catch (SignInFailure failure) {
            return refuse(failure, pending == null ? null : pending.tenantId(), slug, identity, context);
        }
    }

    private SignedIn signIn(UUID tenant, VerifiedIdentity identity) throws SignInFailure {
        try {
            return tenants.callAsTenant(tenant, () -> signIn.complete(identity));
        } catch (SignInRefusedException refused) {
            throw new SignInFailure(Reason.valueOf(refused.reason().name()), "refused: " + refused.reason());
        }
    }

    private SignInSettings settingsOf(UUID tenant) throws SignInFailure {
        Optional<SignInSettings> settings;
        try {
            settings = tenants.callAsTenant(tenant, identityProviders::forSignIn);
        } catch (EJBException unusable) {
            // For example a client secret sealed under a key this server no longer has.
            throw new SignInFailure(Reason.IDP_NOT_CONFIGURED, "IdP settings unusable: " + unusable.getMessage(), unusable);
        }
        return settings.orElseThrow(() -> new SignInFailure(Reason.IDP_NOT_CONFIGURED, "tenant has no IdP"));
    }

    private AuthenticationStatus refuse(SignInFailure failure, UUID tenant, String slug, VerifiedIdentity identity,
                                        HttpMessageContext context) {
        meters.signIn(false, failure.reason().name());
        UUID concerned = tenant != null ? tenant : directory.findActive(slug).map(Tenant::getId).orElse(null);
        audit.failure(SystemEvent.SIGN_IN, concerned, identity == null ? "unknown (tenant " + slug + ")" : identity.describe(),
                failure.reason() + ": " + failure.getMessage());
        return context.redirect(url(ERROR_PAGE) + "?reason=" + failure.reason()
                + "&tenant=" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
    }

    /**
     * Who the ID token says signed in; when (its {@code auth_time}, or now if the IdP does not
     * say: it has just sent the browser back); whether the IdP vouches for the address.
     */
    private VerifiedIdentity identity(SignInSettings idp, IDTokenClaimsSet claims) {
        List<String> amr = claims.getAMR() == null ? List.of() : claims.getAMR().stream().map(AMR::getValue).toList();
        Instant authenticatedAt = claims.getAuthenticationTime() == null ? clock.instant()
                : claims.getAuthenticationTime().toInstant();
        return new VerifiedIdentity(claims.getIssuer().getValue(), claims.getSubject().getValue(),
                stringClaim(claims, idp.nameClaim()), stringClaim(claims, idp.emailClaim()),
                Boolean.TRUE.equals(claims.getClaim("email_verified")), groupsClaim(claims, idp.groupsClaim()), amr,
                claims.getACR() == null ? null : claims.getACR().getValue(), authenticatedAt);
    }

    private static String stringClaim(IDTokenClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }

    /** IdPs send groups as a list of names, or one name. */
    private static Set<String> groupsClaim(IDTokenClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return value instanceof String single ? Set.of(single) : Set.of();
    }

    static Set<String> groups(SignedIn signedIn) {
        return signedIn.roles().stream().map(Role::name).collect(Collectors.toSet());
    }

    private URI callbackUri(String slug) {
        return URI.create(url("/t/" + slug + "/callback"));
    }

    private String url(String path) {
        return baseUrl + path;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
