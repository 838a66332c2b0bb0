package jp.sapphire.payment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import jp.sapphire.approval.control.PaymentHold;
import jp.sapphire.payment.entity.BatchStatus;

/** Which reports the tenant's open payment batches (DRAFT, EXPORTED) hold. */
@ApplicationScoped
public class OpenBatches implements PaymentHold {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Override
    public boolean holds(UUID reportId) {
        return !held(List.of(reportId)).isEmpty();
    }

    /** Of these reports, the ones an open batch holds. */
    public List<UUID> held(Collection<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT i.reportId FROM PaymentBatchItem i, PaymentBatch b WHERE b.id = i.batchId"
                        + " AND i.released = false AND b.status IN :open AND i.reportId IN :reports", UUID.class)
                .setParameter("open", List.of(BatchStatus.DRAFT, BatchStatus.EXPORTED))
                .setParameter("reports", reportIds).getResultList();
    }
}
