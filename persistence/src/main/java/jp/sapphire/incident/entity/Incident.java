package jp.sapphire.incident.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Whitepaper §19: an incident reported to the customers it affects — an outage beyond the SLO,
 * unauthorised access or a leak, or a serious vulnerability the provider can fix — with the time
 * its first notice is due. Provider-side; its notices are {@link IncidentUpdate}s.
 */
@Entity
@Table(name = "incident")
@NamedQuery(name = Incident.NEWEST_FIRST, query = "SELECT i FROM Incident i ORDER BY i.detectedAt DESC")
public class Incident {

    public static final String NEWEST_FIRST = "Incident.newestFirst";

    /** What the whitepaper promises to report. */
    public enum Category {
        /** システム停止 beyond the SLO: when it stopped, how recovery goes. */
        OUTAGE,
        /** 不正アクセス／情報漏洩: which customers and which data. */
        BREACH,
        /** A serious vulnerability the provider can fix: the plan and its progress. */
        VULNERABILITY
    }

    @Id
    private UUID id = UUID.randomUUID();

    @Enumerated(EnumType.STRING)
    private Category category;

    private String title;

    @Column(name = "detected_at")
    private Instant detectedAt;

    @Column(name = "notify_by")
    private Instant notifyBy;

    @Column(name = "data_scope")
    private String dataScope;

    @Column(name = "all_tenants")
    private boolean allTenants;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "opened_by")
    private String openedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected Incident() {
    }

    public Incident(Category category, String title, Instant detectedAt, Instant notifyBy, String dataScope, boolean allTenants,
                    Instant openedAt, String openedBy) {
        this.category = category;
        this.title = title;
        this.detectedAt = detectedAt;
        this.notifyBy = notifyBy;
        this.dataScope = dataScope;
        this.allTenants = allTenants;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
    }

    public void resolve(Instant at) {
        this.resolvedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }

    public Instant getNotifyBy() {
        return notifyBy;
    }

    public String getDataScope() {
        return dataScope;
    }

    public boolean isAllTenants() {
        return allTenants;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
