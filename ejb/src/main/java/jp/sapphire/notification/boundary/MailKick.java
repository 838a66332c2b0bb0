package jp.sapphire.notification.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jp.sapphire.notification.control.MailQueued;

/** Once a transaction that queued mail has committed, asks the sender to deliver it. */
@ApplicationScoped
public class MailKick {

    @EJB
    MailSender sender;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        sender.soon();
    }
}
