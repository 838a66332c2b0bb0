package jp.sapphire.receipt.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import jp.sapphire.expense.control.LineReceipts;
import jp.sapphire.receipt.entity.Receipt;

/** Whether a line has a receipt, for the rules of reports that depend on it. */
@ApplicationScoped
public class Attached implements LineReceipts {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Override
    public boolean hasReceipts(UUID lineId) {
        return !em.createNamedQuery(Receipt.OF_LINE, Receipt.class).setParameter("line", lineId).setMaxResults(1)
                .getResultList().isEmpty();
    }
}
