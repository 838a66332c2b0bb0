package jp.sapphire.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import jp.sapphire.notification.entity.OutboxMail;

/**
 * The e-mail outbox of the current tenant (a job names it). Each mail is sent in a transaction
 * of its own, which records the outcome: sent, or failed and due again later, or given up after
 * the last attempt. Failures are logged without the address or the text.
 */
@Stateless
public class Mailbox {

    private static final System.Logger LOG = System.getLogger(Mailbox.class.getName());

    /** How the sender retries: the first wait, doubled each time up to an hour, and how often in all. */
    public record RetryPolicy(Duration firstWait, int maxAttempts) {

        Duration waitAfter(int attempts) {
            Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 12));
            return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
        }
    }

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
    public boolean deliver(UUID id, Session session, RetryPolicy retry) {
        OutboxMail mail = em.find(OutboxMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (mail == null || mail.getSentAt() != null || mail.getFailedAt() != null || mail.getNextAttemptAt().isAfter(now)) {
            return false;
        }
        try {
            Transport.send(message(session, mail));
            mail.sent(now);
            return true;
        } catch (MessagingException | RuntimeException e) {
            mail.failed(now, e.toString(), retry.waitAfter(mail.getAttempts() + 1), retry.maxAttempts());
            if (mail.getFailedAt() != null) {
                LOG.log(System.Logger.Level.ERROR, "Mail {0} given up after {1} attempts: {2}", id, mail.getAttempts(), e.toString());
            } else {
                LOG.log(System.Logger.Level.WARNING, "Mail {0} not sent (attempt {1}), next at {2}: {3}", id,
                        mail.getAttempts(), mail.getNextAttemptAt(), e.toString());
            }
            return false;
        }
    }

    private static MimeMessage message(Session session, OutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom();
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.getRecipient(), true));
        message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
        message.setText(mail.getBody(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(mail.getCreatedAt()));
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }
}
