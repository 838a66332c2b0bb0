package jp.sapphire.approval.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import jp.sapphire.platform.entity.Validity;
import jp.sapphire.tenant.entity.TenantOwned;

/** 代理承認: from the first to the last day (both included), the deputy may act for the delegator. */
@Entity
@Table(name = "approval_delegation")
public class ApprovalDelegation extends TenantOwned {

    @Column(name = "delegator_id")
    private UUID delegatorId;

    @Column(name = "deputy_id")
    private UUID deputyId;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private UUID createdBy;

    protected ApprovalDelegation() {
    }

    public ApprovalDelegation(UUID delegatorId, UUID deputyId, LocalDate validFrom, LocalDate validTo, Instant createdAt,
                              UUID createdBy) {
        this.createdBy = createdBy;
        this.delegatorId = delegatorId;
        this.deputyId = deputyId;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.createdAt = createdAt;
    }

    /** The JPQL condition of {@link #isInEffectOn} on a delegation {@code d}, for the day {@code :day}. */
    public static final String IN_EFFECT = "d.validFrom <= :day AND d.validTo >= :day";

    public boolean isInEffectOn(LocalDate day) {
        return Validity.covers(validFrom, validTo, day);
    }

    public UUID getDelegatorId() {
        return delegatorId;
    }

    public UUID getDeputyId() {
        return deputyId;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The member who made it (the delegator themself: nobody may make it for them). */
    public UUID getCreatedBy() {
        return createdBy;
    }
}
