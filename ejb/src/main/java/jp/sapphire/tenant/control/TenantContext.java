package jp.sapphire.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import jp.sapphire.identity.control.ApiTokenSigner;
import jp.sapphire.identity.entity.SapphirePrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant of the current call. For a request it is the tenant of the authenticated
 * {@link SapphirePrincipal} (browser) or of the verified API token; nothing else a request
 * carries (parameter, header, form field) can change it. Provider jobs that act on one tenant's data (seeding, later backup and purge
 * loops) name the tenant with {@link #callAsTenant}, which refuses to run inside an
 * authenticated request.
 */
@ApplicationScoped
public class TenantContext {

    private static final ThreadLocal<UUID> JOB_TENANT = new ThreadLocal<>();

    @Inject
    SecurityContext security;

    public Optional<UUID> currentTenant() {
        UUID job = JOB_TENANT.get();
        return job != null ? Optional.of(job) : caller().map(SapphirePrincipal::tenantId);
    }

    /**
     * The signed-in member: from the browser sign-in, or from a verified API token, whose
     * {@code tenant} and {@code sub} claims SAPPHIRE itself signed.
     */
    public Optional<SapphirePrincipal> caller() {
        return principal(SapphirePrincipal.class).or(() -> principal(JsonWebToken.class).flatMap(TenantContext::fromToken));
    }

    private <P extends Principal> Optional<P> principal(Class<P> type) {
        // Liberty answers null rather than an empty set when nobody is signed in.
        Set<P> principals = security.getPrincipalsByType(type);
        return principals == null ? Optional.empty() : principals.stream().findFirst();
    }

    private static Optional<SapphirePrincipal> fromToken(JsonWebToken token) {
        String tenant = token.getClaim(ApiTokenSigner.TENANT_CLAIM);
        String slug = token.getClaim(ApiTokenSigner.TENANT_SLUG_CLAIM);
        if (tenant == null || slug == null || token.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SapphirePrincipal(UUID.fromString(tenant), slug, UUID.fromString(token.getSubject()),
                    token.getClaim("name")));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    public SapphirePrincipal requireCaller() {
        return caller().orElseThrow(() -> new IllegalStateException("No authenticated SAPPHIRE member"));
    }

    /** Who is acting, for audit logs: the member, or the provider when no member is signed in. */
    public String actor() {
        return caller().map(member -> "member:" + member.memberId()
                + (member.impersonated() ? " impersonated-by member:" + member.impersonatorId() : "")).orElse("provider");
    }

    /** Runs provider work for one tenant; never available to a request's caller. */
    public <T> T callAsTenant(UUID tenant, Supplier<T> work) {
        if (caller().isPresent()) {
            throw new IllegalStateException("A member's request cannot choose its tenant");
        }
        UUID previous = JOB_TENANT.get();
        JOB_TENANT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                JOB_TENANT.remove();
            } else {
                JOB_TENANT.set(previous);
            }
        }
    }
}
