package jp.sapphire.notification.control;

/** CDI event: a transaction wrote mail to the outbox; once it commits, the sender should look. */
public record MailQueued() {
}
