package jp.sapphire.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.tenant.control.CallerTenant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in to the current request: the member of a browser session, or of a verified API
 * token whose {@code tenant} and {@code sub} claims SAPPHIRE itself signed; nobody in provider work.
 */
@ApplicationScoped
public class Caller implements CallerTenant {

    @Inject
    SecurityContext security;

    /** The signed-in member, if there is one. */
    public Optional<SapphirePrincipal> member() {
        return principal(SapphirePrincipal.class).or(() -> principal(JsonWebToken.class).flatMap(Caller::fromToken));
    }

    public SapphirePrincipal requireMember() {
        return member().orElseThrow(() -> new IllegalStateException("No authenticated SAPPHIRE member"));
    }

    @Override
    public Optional<UUID> tenantOfCaller() {
        return member().map(SapphirePrincipal::tenantId);
    }

    /**
     * Refuses what an administrator may not do as the member they impersonate (name deputies,
     * make API tokens, bind roles): it would outlast the impersonation.
     */
    public void refuseWhileImpersonated(String messageKey) {
        if (member().map(SapphirePrincipal::impersonated).orElse(false)) {
            throw new NotPermittedException(messageKey);
        }
    }

    /** Who is acting, for audit logs: the member (and who impersonates them), or the provider when no member is signed in. */
    public String actor() {
        return member().map(member -> "member:" + member.memberId()
                + (member.impersonated() ? " impersonated-by member:" + member.impersonatorId() : "")).orElse("provider");
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
}
