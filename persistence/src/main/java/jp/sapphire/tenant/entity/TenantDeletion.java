package jp.sapphire.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Whitepaper §4: a tenant's request to delete its data at contract end, due at most 30 days after
 * it was made; once executed, the deletion certificate. Provider-side (the {@code system} unit).
 */
@Entity
@Table(name = "tenant_deletion")
@NamedQuery(name = TenantDeletion.PENDING, query = "SELECT d FROM TenantDeletion d WHERE d.executedAt IS NULL ORDER BY d.dueAt")
@NamedQuery(name = TenantDeletion.EXECUTED, query = "SELECT d FROM TenantDeletion d WHERE d.executedAt IS NOT NULL")
@NamedQuery(name = TenantDeletion.ALL, query = "SELECT d FROM TenantDeletion d ORDER BY d.requestedAt")
public class TenantDeletion {

    public static final String PENDING = "TenantDeletion.pending";
    public static final String EXECUTED = "TenantDeletion.executed";
    public static final String ALL = "TenantDeletion.all";

    @Id
    @Column(name = "tenant_ref")
    private UUID tenantRef;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "executed_at")
    private Instant executedAt;

    @Column(name = "executed_by")
    private String executedBy;

    private String certificate;

    protected TenantDeletion() {
    }

    public TenantDeletion(UUID tenantRef, Instant requestedAt, String requestedBy, Instant dueAt) {
        this.tenantRef = tenantRef;
        this.requestedAt = requestedAt;
        this.requestedBy = requestedBy;
        this.dueAt = dueAt;
    }

    public void executed(Instant at, String by, String certificate) {
        this.executedAt = at;
        this.executedBy = by;
        this.certificate = certificate;
    }

    public UUID getTenantRef() {
        return tenantRef;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getExecutedAt() {
        return executedAt;
    }

    public String getExecutedBy() {
        return executedBy;
    }

    public String getCertificate() {
        return certificate;
    }

    public boolean isExecuted() {
        return executedAt != null;
    }
}
