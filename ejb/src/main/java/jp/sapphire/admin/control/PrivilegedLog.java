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

    @EJB
    SystemAudit audit;

    @Inject
    Clock clock;

    public void record(String action, String target, String before, String after) {
        SapphirePrincipal me = signedIn.requireMember();
        em.persist(new PrivilegedActivity(clock.instant(), me.memberId(), me.displayName(), action,
                clip(target, 300), clip(before, 2000), clip(after, 2000)));
        audit.success(SystemEvent.PRIVILEGED_CHANGE, me.tenantId(), signedIn.actor(),
                action + " " + target + ": " + before + " -> " + after);
    }

    /** What a log column holds at most. */
    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
