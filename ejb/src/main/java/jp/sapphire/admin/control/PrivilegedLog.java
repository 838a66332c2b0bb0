package jp.sapphire.admin.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import jp.sapphire.admin.entity.PrivilegedActivity;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.tenant.control.TenantContext;

/**
 * Writes one change made in the admin console: to the tenant's privileged activity log, in the
 * transaction of the change itself (so there is never one without the other), and to the
 * provider's system audit log.
 */
@ApplicationScoped
public class PrivilegedLog {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    @Inject
    TenantContext tenants;

    @EJB
    SystemAudit audit;

    @Inject
    Clock clock;

    /**
     * A change by a tenant administrator: in the tenant's privileged activity log and the system
     * audit log. A change the provider makes for the tenant (the demo seed, onboarding) has no
     * member to name and goes to the system audit log only.
     */
    public void record(String action, String target, String before, String after) {
        String what = action + " " + target + ": " + before + " -> " + after;
        var member = signedIn.member();
        if (member.isEmpty()) {
            audit.success(SystemEvent.PRIVILEGED_CHANGE, tenants.currentTenant().orElseThrow(), signedIn.actor(), what);
            return;
        }
        SapphirePrincipal me = member.get();
        em.persist(new PrivilegedActivity(clock.instant(), me.memberId(), me.displayName(), action,
                clip(target, 300), clip(before, 2000), clip(after, 2000)));
        audit.success(SystemEvent.PRIVILEGED_CHANGE, me.tenantId(), signedIn.actor(), what);
    }

    /** What a log column holds at most. */
    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
