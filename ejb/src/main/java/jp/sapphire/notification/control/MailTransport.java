package jp.sapphire.notification.control;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import jp.sapphire.notification.entity.MailDelivery;

/**
 * One attempt to send a mail that is due, for the tenants' outbox and the operators' mail alike:
 * sent, or failed and due again later with a growing wait, or given up after the last attempt
 * allowed. Failures are logged without the address or the text.
 */
public final class MailTransport {

    private static final System.Logger LOG = System.getLogger(MailTransport.class.getName());

    /** How the sender retries: the first wait, doubled each time up to an hour, and how often in all. */
    public record RetryPolicy(Duration firstWait, int maxAttempts) {

        Duration waitAfter(int attempts) {
            Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 12));
            return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
        }
    }

    private MailTransport() {
    }

    /** Sends {@code mail} (its id {@code id}, for the log) if it is due at {@code now}; tells whether it left. */
    public static boolean attempt(Session session, UUID id, MailDelivery mail, RetryPolicy retry, Instant now) {
        if (mail == null || !mail.isDueAt(now)) {
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

    private static MimeMessage message(Session session, MailDelivery mail) throws MessagingException {
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
