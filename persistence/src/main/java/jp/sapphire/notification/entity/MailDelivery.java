package jp.sapphire.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * An e-mail on its way, already worded in its recipient's language, and how its delivery goes:
 * attempts, the next one, sent, or given up after the last one allowed. The tenants' outbox and
 * the operators' mail both hold their mail this way, and are delivered the same way.
 */
@Embeddable
public class MailDelivery {

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

    protected MailDelivery() {
    }

    public MailDelivery(String recipient, String subject, String body, Instant createdAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    /** Whether an attempt is due at {@code now}: not sent, not given up, its time come. */
    public boolean isDueAt(Instant now) {
        return sentAt == null && failedAt == null && !nextAttemptAt.isAfter(now);
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
