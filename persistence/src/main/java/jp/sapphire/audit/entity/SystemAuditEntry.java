package jp.sapphire.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the system audit log; written once, never changed. */
@Entity
@Table(name = "system_audit_log")
@NamedQuery(name = SystemAuditEntry.OF_TENANT,
        query = "SELECT e FROM SystemAuditEntry e WHERE e.tenantRef = :tenant ORDER BY e.id DESC")
@NamedQuery(name = SystemAuditEntry.OF_TENANT_EVENT,
        query = "SELECT e FROM SystemAuditEntry e WHERE e.tenantRef = :tenant AND e.event = :event"
                + " AND e.outcome = :outcome ORDER BY e.id DESC")
public class SystemAuditEntry {

    public static final String OF_TENANT = "SystemAuditEntry.ofTenant";
    public static final String OF_TENANT_EVENT = "SystemAuditEntry.ofTenantEvent";

    /** Outcome of the audited event. */
    public enum Outcome {
        SUCCESS,
        FAILURE
    }

    @Id
    // The number is taken before the insert: lastval() after it would name the backup's change
    // sequence, which the capture trigger (V17) draws from on every insert.
    @SequenceGenerator(name = "system_audit_log_id", sequenceName = "system_audit_log_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "system_audit_log_id")
    private Long id;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    @Enumerated(EnumType.STRING)
    private SystemEvent event;

    @Column(updatable = false)
    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "tenant_ref", updatable = false)
    private UUID tenantRef;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String detail;

    @Column(name = "remote_address", updatable = false)
    private String remoteAddress;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    protected SystemAuditEntry() {
    }

    public SystemAuditEntry(Instant occurredAt, SystemEvent event, Outcome outcome, UUID tenantRef, String actor,
                            String detail, String remoteAddress, String userAgent) {
        this.occurredAt = occurredAt;
        this.event = event;
        this.outcome = outcome;
        this.tenantRef = tenantRef;
        this.actor = clip(actor, 800);
        this.detail = clip(detail, 1000);
        this.remoteAddress = clip(remoteAddress, 64);
        this.userAgent = clip(userAgent, 300);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public SystemEvent getEvent() {
        return event;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public UUID getTenantRef() {
        return tenantRef;
    }

    public String getActor() {
        return actor;
    }

    public String getDetail() {
        return detail;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }
}
