package jp.sapphire.actionlog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import jp.sapphire.actionlog.entity.ActionLogEntry;
import jp.sapphire.actionlog.entity.ActionLogEntry.Event;
import jp.sapphire.actionlog.entity.ReportAction;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.SecretCipher;
import jp.sapphire.tenant.control.TenantContext;
import org.eclipse.persistence.config.QueryHints;

/**
 * Appends to the action log inside the transaction of the change it records, so the change and
 * its entry commit together or not at all. Entries of one tenant are numbered and chained one at
 * a time: a transaction-scoped advisory lock per tenant orders concurrent writers, and is taken
 * only after the change itself has been flushed, so two approvals racing on one report meet at
 * the report's row (where optimistic locking decides: the first to commit stands, the other is
 * refused with a {@link ConflictException}) rather than at the chain.
 */
@ApplicationScoped
public class ActionRecorder {

    /** First key of the advisory lock: the action log's own space of locks. */
    private static final int LOCK_SPACE = 0x5a_4c_4f_47;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Caller signedIn;

    @Inject
    SecretCipher cipher;

    @Inject
    Clock clock;

    /** Where a report stood before a change; taken before making it. */
    public record Before(ReportStatus status, Integer step) {

        public static Before of(ExpenseReport report) {
            return new Before(report.getStatus(), report.getCurrentStep());
        }
    }

    /** An action of the signed-in member on a report that stands as {@code report} now, after the change. */
    public ActionLogEntry record(ExpenseReport report, ReportAction action, Before before) {
        return record(report, action, before, null, null, null);
    }

    /**
     * An action of the signed-in member, on behalf of another member if {@code onBehalfOf} is
     * given, on a report (and one of its lines, if {@code lineId} is given), with a comment.
     */
    public ActionLogEntry record(ExpenseReport report, ReportAction action, Before before, UUID onBehalfOf, UUID lineId,
                                 String comment) {
        UUID actor = signedIn.member().map(SapphirePrincipal::memberId).orElse(null);
        String impersonator = signedIn.member().filter(SapphirePrincipal::impersonated)
                .map(caller -> caller.impersonatorName() + " (" + caller.impersonatorId() + ")").orElse(null);
        return record(actor, impersonator, report, action, before, onBehalfOf, lineId, comment);
    }

    /** An action of a named member, written by provider work acting for them (the demo seed, imports). */
    public ActionLogEntry recordAs(UUID actor, ExpenseReport report, ReportAction action, Before before, String comment) {
        return record(actor, null, report, action, before, null, null, comment);
    }

    private ActionLogEntry record(UUID actor, String impersonator, ExpenseReport report, ReportAction action, Before before,
                                  UUID onBehalfOf, UUID lineId, String comment) {
        // PostgreSQL keeps microseconds: the time chained is the time stored.
        return record(new Event(report.getId(), lineId, action, actor, onBehalfOf, impersonator, before.status(),
                report.getStatus(), before.step(), report.getCurrentStep(), comment,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    private ActionLogEntry record(Event event) {
        try {
            em.flush();
        } catch (OptimisticLockException changedMeanwhile) {
            // Someone else's change to the same report committed first: theirs stands, this one is refused.
            throw new ConflictException("sapphire.report.changed");
        }
        UUID tenant = tenants.currentTenant().orElseThrow(() -> new IllegalStateException("No tenant to log for"));
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, ?2)::text")
                .setParameter(1, LOCK_SPACE)
                .setParameter(2, tenant.hashCode())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        ActionLogEntry last = em.createNamedQuery(ActionLogEntry.LAST, ActionLogEntry.class)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        long seq = last == null ? 1 : last.getSeq() + 1;
        String previous = last == null ? ActionChain.GENESIS : last.getHash();
        SecretCipher.Sealed mac = cipher.mac(ActionChain.PURPOSE, ActionChain.content(tenant, seq, event, previous));
        ActionLogEntry entry = new ActionLogEntry(seq, event, mac.keyId(), previous, HexFormat.of().formatHex(mac.bytes()));
        em.persist(entry);
        return entry;
    }
}
