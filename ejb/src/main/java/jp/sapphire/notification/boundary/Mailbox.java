package jp.sapphire.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.sapphire.notification.control.MailTransport;
import jp.sapphire.notification.entity.OutboxMail;

/**
 * The e-mail outbox of the current tenant (a job names it). Each mail is sent in a transaction
 * of its own, which records the outcome: sent, or failed and due again later, or given up after
 * the last attempt. Failures are logged without the address or the text.
 */
@Stateless
public class Mailbox {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<UUID> due(int max) {
        return em.createNamedQuery(OutboxMail.DUE, OutboxMail.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultStream().map(OutboxMail::getId).toList();
    }

    /** Sends one mail if it is still due; tells whether it left. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliver(UUID id, Session session, MailTransport.RetryPolicy retry) {
        OutboxMail mail = em.find(OutboxMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        return mail != null && MailTransport.attempt(session, id, mail.getDelivery(), retry, clock.instant());
    }
}
