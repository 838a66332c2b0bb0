package jp.sapphire.admin.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.admin.entity.PrivilegedActivity;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.boundary.SignedIn;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.NotPermittedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * なりかわりログイン: a tenant administrator acts as one member of the tenant, with that member's
 * roles at their last sign-in, for at most {@code sapphire.impersonation.max} (default 30 min).
 * Never as an administrator, never as oneself or an inactive member, never from an impersonated
 * session. Start and end are in the privileged activity log and the system audit log; every
 * action in between names both people (action log, audit log).
 */
@Stateless
public class Impersonation {

    /** An impersonation begun: the member as the browser session will carry them, and when it ends. */
    public record Started(SignedIn asMember, Instant endsAt) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    @EJB
    SystemAudit audit;

    @Inject
    @ConfigProperty(name = "sapphire.impersonation.max")
    Duration longest;

    @Inject
    Clock clock;

    /**
     * Whether the bindings as they are now make the member a tenant administrator (by their user ID
     * at their issuer, or by a group they were in at their last sign-in) — a grant since their last
     * sign-in counts, so an administrator is never impersonated.
     */
    private boolean boundAsAdministrator(Member member) {
        return em.createNamedQuery(RoleBinding.ALL, RoleBinding.class).getResultStream()
                .anyMatch(binding -> binding.getRole() == Role.TENANT_ADMIN
                        && binding.names(member.getIssuer(), member.getSubject(), member.getIdpGroups()));
    }

    @RolesAllowed("TENANT_ADMIN")
    public Started start(UUID memberId) {
        SapphirePrincipal admin = signedIn.requireMember();
        if (admin.impersonated()) {
            throw new NotPermittedException("sapphire.impersonation.nested");
        }
        Member member = memberId == null ? null : em.find(Member.class, memberId);
        if (member == null) {
            throw new NotFoundException("member");
        }
        if (member.getId().equals(admin.memberId())) {
            throw new ConflictException("sapphire.impersonation.self");
        }
        if (!member.isActive()) {
            throw new ConflictException("sapphire.impersonation.inactive");
        }
        if (member.getRoles().contains(Role.TENANT_ADMIN) || boundAsAdministrator(member)) {
            audit.failure(SystemEvent.IMPERSONATION_STARTED, admin.tenantId(), signedIn.actor(),
                    "refused: " + describe(member) + " is a tenant administrator");
            throw new NotPermittedException("sapphire.impersonation.admin");
        }
        if (member.getRoles().isEmpty()) {
            throw new ConflictException("sapphire.impersonation.never-signed-in");
        }
        Instant now = clock.instant();
        Instant endsAt = now.plus(longest);
        SapphirePrincipal as = new SapphirePrincipal(admin.tenantId(), admin.tenantSlug(), member.getId(),
                member.getDisplayName()).impersonatedBy(admin);
        em.persist(new PrivilegedActivity(now, admin.memberId(), admin.displayName(), "IMPERSONATION_STARTED",
                describe(member), null, "until " + endsAt));
        audit.success(SystemEvent.IMPERSONATION_STARTED, admin.tenantId(), signedIn.actor(),
                describe(member) + " until " + endsAt);
        return new Started(new SignedIn(as, member.getRoles(), false, member.getTimeZone(), member.getLocale(), null),
                endsAt);
    }

    /**
     * Records the end of an impersonation: by the administrator (from the impersonated session), or
     * when its time ran out or a person in it was deactivated (found by the sign-in mechanism
     * before any caller is established, hence not role-checked; the entry names the impersonator).
     */
    @PermitAll
    public void ended(SapphirePrincipal impersonated, String why) {
        if (!impersonated.impersonated()) {
            return;
        }
        Instant now = clock.instant();
        Member member = em.find(Member.class, impersonated.memberId());
        String target = member == null ? impersonated.memberId().toString() : describe(member);
        em.persist(new PrivilegedActivity(now, impersonated.impersonatorId(), impersonated.impersonatorName(),
                "IMPERSONATION_ENDED", target, null, why));
        audit.success(SystemEvent.IMPERSONATION_ENDED, impersonated.tenantId(),
                "member:" + impersonated.impersonatorId(), target + ": " + why);
    }

    private static String describe(Member member) {
        return member.getDisplayName() + " (" + member.getSubject() + ")";
    }
}
