package jp.sapphire.monitoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert to the operators: raised when a condition held (a stale backup, an aging outbox, a full
 * disk …), mailed again while it holds, cleared when it ends. Provider-side; at most one open alert
 * per key.
 */
@Entity
@Table(name = "monitor_alert")
@NamedQuery(name = MonitorAlert.OPEN, query = "SELECT a FROM MonitorAlert a WHERE a.clearedAt IS NULL ORDER BY a.raisedAt")
public class MonitorAlert {

    public static final String OPEN = "MonitorAlert.open";

    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "alert_key")
    private String key;

    private String detail;

    @Column(name = "raised_at")
    private Instant raisedAt;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    protected MonitorAlert() {
    }

    public MonitorAlert(String key, String detail, Instant at) {
        this.key = key;
        this.detail = fit(detail);
        this.raisedAt = at;
        this.notifiedAt = at;
    }

    /** Still holding: its latest words, and whether it is time to tell again. */
    public boolean remind(String detail, Instant now, Duration every) {
        this.detail = fit(detail);
        if (now.isBefore(notifiedAt.plus(every))) {
            return false;
        }
        notifiedAt = now;
        return true;
    }

    private static String fit(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
    }

    public void cleared(Instant at) {
        this.clearedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }
}
