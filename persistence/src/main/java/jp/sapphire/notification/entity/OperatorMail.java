package jp.sapphire.notification.entity;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An e-mail to the provider's operators (an alert), delivered and retried as the tenants' outbox is. Provider-side. */
@Entity
@Table(name = "operator_mail")
@NamedQuery(name = OperatorMail.DUE,
        query = "SELECT m FROM OperatorMail m WHERE m.delivery.sentAt IS NULL AND m.delivery.failedAt IS NULL"
                + " AND m.delivery.nextAttemptAt <= :now ORDER BY m.delivery.nextAttemptAt")
public class OperatorMail {

    public static final String DUE = "OperatorMail.due";

    @Id
    private UUID id = UUID.randomUUID();

    @Embedded
    private MailDelivery delivery;

    protected OperatorMail() {
    }

    public OperatorMail(String recipient, String subject, String body, Instant createdAt) {
        this.delivery = new MailDelivery(recipient, subject, body, createdAt);
    }

    public UUID getId() {
        return id;
    }

    public MailDelivery getDelivery() {
        return delivery;
    }
}
