package jp.sapphire.notification.entity;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * An e-mail waiting in the outbox, already worded in its recipient's language. Delivered after
 * the transaction that wrote it commits; a failed attempt is retried later, up to a limit.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMail.DUE,
        query = "SELECT m FROM OutboxMail m WHERE m.delivery.sentAt IS NULL AND m.delivery.failedAt IS NULL"
                + " AND m.delivery.nextAttemptAt <= :now ORDER BY m.delivery.nextAttemptAt")
public class OutboxMail extends TenantOwned {

    public static final String DUE = "OutboxMail.due";

    @Embedded
    private MailDelivery delivery;

    protected OutboxMail() {
    }

    public OutboxMail(String recipient, String subject, String body, Instant createdAt) {
        this.delivery = new MailDelivery(recipient, subject, body, createdAt);
    }

    public MailDelivery getDelivery() {
        return delivery;
    }
}
