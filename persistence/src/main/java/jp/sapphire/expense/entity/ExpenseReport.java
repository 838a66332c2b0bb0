package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/** An expense report (経費申請) filed by one member. */
@Entity
@Table(name = "expense_report")
@NamedQuery(name = ExpenseReport.BY_OWNER,
        query = "SELECT r FROM ExpenseReport r WHERE r.ownerId = :owner ORDER BY r.createdAt DESC")
public class ExpenseReport extends TenantOwned {

    public static final String BY_OWNER = "ExpenseReport.byOwner";

    @NotNull
    @Column(name = "owner_id")
    private UUID ownerId;

    @NotBlank(message = "{sapphire.report.title.required}")
    @Size(max = 200, message = "{sapphire.report.title.size}")
    private String title;

    @NotNull
    @Enumerated(EnumType.STRING)
    private ReportStatus status = ReportStatus.DRAFT;

    @PositiveOrZero
    @Column(name = "total_yen")
    private long totalYen;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected ExpenseReport() {
    }

    public ExpenseReport(UUID ownerId, String title, Instant now) {
        this.ownerId = ownerId;
        this.title = title;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public String getTitle() {
        return title;
    }

    public void retitle(String title, Instant now) {
        this.title = title;
        this.updatedAt = now;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public long getTotalYen() {
        return totalYen;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
