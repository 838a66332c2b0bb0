package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * Accounting's word on a line's invoice status (インボイス区分の変更), with its reason, in place of
 * the status SAPPHIRE derives; it answers the line as it was, and goes when the line changes.
 */
@Entity
@Table(name = "invoice_override")
public class InvoiceOverride extends TenantOwned {

    @Column(name = "line_id")
    private UUID lineId;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    private String reason;

    @Column(name = "overridden_by")
    private UUID overriddenBy;

    @Column(name = "overridden_at")
    private Instant overriddenAt;

    @Version
    private long version;

    protected InvoiceOverride() {
    }

    public InvoiceOverride(UUID lineId) {
        this.lineId = lineId;
    }

    public void set(InvoiceStatus status, String reason, UUID by, Instant at) {
        this.status = status;
        this.reason = reason;
        this.overriddenBy = by;
        this.overriddenAt = at;
    }

    public UUID getLineId() {
        return lineId;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public UUID getOverriddenBy() {
        return overriddenBy;
    }

    public Instant getOverriddenAt() {
        return overriddenAt;
    }
}
