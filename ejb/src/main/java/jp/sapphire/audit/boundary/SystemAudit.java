package jp.sapphire.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.audit.control.RequestOrigin;
import jp.sapphire.audit.control.RequestOrigin.Origin;
import jp.sapphire.audit.entity.SystemAuditEntry;
import jp.sapphire.audit.entity.SystemAuditEntry.Outcome;
import jp.sapphire.audit.entity.SystemEvent;

/** Records and reads the system audit log (システム監査ログ). Times are UTC instants. */
@Stateless
public class SystemAudit {

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Inject
    RequestOrigin origin;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void success(SystemEvent event, UUID tenant, String actor, String detail) {
        record(event, Outcome.SUCCESS, tenant, actor, detail);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failure(SystemEvent event, UUID tenant, String actor, String detail) {
        record(event, Outcome.FAILURE, tenant, actor, detail);
    }

    /** Newest first. */
    public List<SystemAuditEntry> ofTenant(UUID tenant, int max) {
        return system.createNamedQuery(SystemAuditEntry.OF_TENANT, SystemAuditEntry.class)
                .setParameter("tenant", tenant)
                .setMaxResults(max)
                .getResultList();
    }

    /** The newest successful entry of an event for a tenant, if any; read beside the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<SystemAuditEntry> last(UUID tenant, SystemEvent event) {
        return system.createNamedQuery(SystemAuditEntry.OF_TENANT_EVENT, SystemAuditEntry.class)
                .setParameter("tenant", tenant)
                .setParameter("event", event)
                .setParameter("outcome", Outcome.SUCCESS)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    private void record(SystemEvent event, Outcome outcome, UUID tenant, String actor, String detail) {
        Origin from = origin.current();
        system.persist(new SystemAuditEntry(clock.instant(), event, outcome, tenant, actor, detail,
                from.remoteAddress(), from.userAgent()));
    }
}
