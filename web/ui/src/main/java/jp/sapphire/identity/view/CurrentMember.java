package jp.sapphire.identity.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.sapphire.identity.boundary.SignedIn;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;

/** The member signed in to this browser, for pages: name, tenant, roles, zone and language. */
@Named("member")
@RequestScoped
public class CurrentMember {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    private Optional<SignedIn> signedIn() {
        return BrowserSession.member(request).map(BrowserSession.Member::signedIn);
    }

    public boolean isSignedIn() {
        return signedIn().isPresent();
    }

    public SapphirePrincipal getPrincipal() {
        return signedIn().map(SignedIn::principal).orElse(null);
    }

    public String getName() {
        return signedIn().map(s -> s.principal().displayName()).orElse("");
    }

    public String getTenantSlug() {
        return signedIn().map(s -> s.principal().tenantSlug()).orElse("");
    }

    /** Roles in the order of {@link Role}. */
    public List<Role> getRoles() {
        return signedIn().map(s -> s.roles().stream().sorted().toList()).orElse(List.of());
    }

    /** Whether the member holds a role, by its name (for pages: {@code member.has('ACCOUNTING')}). */
    public boolean has(String role) {
        return getRoles().stream().anyMatch(held -> held.name().equals(role));
    }

    /** When the member last signed in at their IdP (a step-up counts), or null when impersonated. */
    public java.time.Instant getAuthenticatedAt() {
        return signedIn().map(SignedIn::identity).map(identity -> identity.authenticatedAt()).orElse(null);
    }

    public boolean isStepUpOffered() {
        return signedIn().map(SignedIn::stepUpOffered).orElse(false);
    }

    public ZoneId getZone() {
        return signedIn().map(SignedIn::zone).orElse(DEFAULT_ZONE);
    }

    /** The day it is now where the member lives. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), getZone());
    }

    /** The member's language; before sign-in, whatever the browser asks for. */
    public Locale getLocale() {
        return signedIn().map(SignedIn::locale).orElse(request.getLocale());
    }
}
