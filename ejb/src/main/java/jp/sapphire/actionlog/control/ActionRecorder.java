package jp.sapphire.actionlog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import jp.sapphire.actionlog.entity.ActionLogEntry.Event;
import jp.sapphire.actionlog.entity.ActionLogEntry;
import jp.sapphire.expense.control.ReportActed.Before;
import jp.sapphire.expense.control.ReportActed;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.secrets.control.SecretCipher;
import jp.sapphire.tenant.control.TenantContext;
import org.eclipse.persistence.config.QueryHints;

/**
 * Appends to the action log every {@link ReportActed} event, inside the transaction of the change
 * it records, so the change and its entry commit together or not at all. Entries of one tenant are numbered and chained one at
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

    /**
     * Records what was done to a report, in the transaction of the change: by the signed-in member
     * (and who impersonates them), or by the member the event names when provider work acted for them.
     */
    void record(@Observes ReportActed acted) {
        UUID actor = acted.actor() != null ? acted.actor() : signedIn.member().map(SapphirePrincipal::memberId).orElse(null);
        String impersonator = acted.actor() != null ? null : signedIn.member().filter(SapphirePrincipal::impersonated)
                .map(caller -> caller.impersonatorName() + " (" + caller.impersonatorId() + ")").orElse(null);
        record(actor, impersonator, acted.report(), acted.action(), acted.before(), acted.onBehalfOf(), acted.lineId(),
                acted.comment());
    }

    private void record(UUID actor, String impersonator, ExpenseReport report, ReportAction action, Before before,
                        UUID onBehalfOf, UUID lineId, String comment) {
        // PostgreSQL keeps microseconds: the time chained is the time stored.
        append(new Event(report.getId(), lineId, action, actor, onBehalfOf, impersonator, before.status(),
                report.getStatus(), before.step(), report.getCurrentStep(), comment,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    private void append(Event event) {
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
    }
}
