package jp.sapphire.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * An e-mail waiting in the outbox, already worded in its recipient's language. Delivered after
 * the transaction that wrote it commits; a failed attempt is retried later, up to a limit.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMail.DUE,
        query = "SELECT m FROM OutboxMail m WHERE m.sentAt IS NULL AND m.failedAt IS NULL AND m.nextAttemptAt <= :now"
                + " ORDER BY m.nextAttemptAt")
public class OutboxMail extends TenantOwned {

    public static final String DUE = "OutboxMail.due";

    private String recipient;

    private String subject;

    private String body;

    @Column(name = "created_at")
    private Instant createdAt;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMail() {
    }

    public OutboxMail(String recipient, String subject, String body, Instant createdAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    public void sent(Instant now) {
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** A failed attempt: try again after {@code retryAfter}, or give up if this was the last allowed. */
    public void failed(Instant now, String error, Duration retryAfter, int maxAttempts) {
        attempts++;
        lastError = error == null ? "unknown" : error.length() <= 500 ? error : error.substring(0, 500);
        if (attempts >= maxAttempts) {
            failedAt = now;
        } else {
            nextAttemptAt = now.plus(retryAfter);
        }
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getFailedAt() {
        return failedAt;
    }

    public String getLastError() {
        return lastError;
    }
}
