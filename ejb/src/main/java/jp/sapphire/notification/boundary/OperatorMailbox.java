package jp.sapphire.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.sapphire.notification.control.MailQueued;
import jp.sapphire.notification.control.MailTransport;
import jp.sapphire.notification.entity.OperatorMail;

/**
 * The provider's operators' mail (alerts): queued in the caller's transaction, delivered after it
 * commits by the same sender, retry policy and SMTP relay as the tenants' outbox. Provider-side.
 */
@Stateless
public class OperatorMailbox {

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Inject
    Event<MailQueued> mailQueued;

    @Inject
    Clock clock;

    /** Queues a mail to the operators' address, to leave once the caller's transaction commits. */
    public void queue(String recipient, String subject, String body) {
        system.persist(new OperatorMail(recipient, subject, body, clock.instant()));
        mailQueued.fire(new MailQueued());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<UUID> due(int max) {
        return system.createNamedQuery(OperatorMail.DUE, OperatorMail.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultStream().map(OperatorMail::getId).toList();
    }

    /** Sends one mail if it is still due; tells whether it left. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliver(UUID id, Session session, MailTransport.RetryPolicy retry) {
        OperatorMail mail = system.find(OperatorMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        return mail != null && MailTransport.attempt(session, id, mail.getDelivery(), retry, clock.instant());
    }
}
