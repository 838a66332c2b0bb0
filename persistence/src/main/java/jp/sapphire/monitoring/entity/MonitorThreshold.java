package jp.sapphire.monitoring.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A threshold an operator set in place of its configured default (sapphire-admin alert threshold). Provider-side. */
@Entity
@Table(name = "monitor_threshold")
public class MonitorThreshold {

    @Id
    private String name;

    private String value;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    protected MonitorThreshold() {
    }

    public MonitorThreshold(String name) {
        this.name = name;
    }

    public void set(String value, String by, Instant at) {
        this.value = value;
        this.changedBy = by;
        this.changedAt = at;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
