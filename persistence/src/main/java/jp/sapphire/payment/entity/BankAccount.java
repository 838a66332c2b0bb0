package jp.sapphire.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A member's account for reimbursements (振込先口座). The account itself is personal data and is
 * kept sealed under the tenant's data key; only its masked form (bank and branch codes, type, the
 * last three digits) is stored in clear, for lists that must not show more.
 */
@Entity
@Table(name = "bank_account")
@NamedQuery(name = BankAccount.OF_MEMBERS, query = "SELECT a FROM BankAccount a WHERE a.memberId IN :members")
public class BankAccount extends TenantOwned {

    public static final String OF_MEMBERS = "BankAccount.ofMembers";

    @Column(name = "member_id")
    private UUID memberId;

    @Column(name = "data_key_id")
    private UUID dataKeyId;

    private byte[] sealed;

    private String masked;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private UUID updatedBy;

    @Version
    private long version;

    protected BankAccount() {
    }

    public BankAccount(UUID memberId) {
        this.memberId = memberId;
    }

    /** The account sealed anew, with its masked form, by whom and when. */
    public void seal(UUID dataKeyId, byte[] sealed, String masked, UUID by, Instant now) {
        this.dataKeyId = dataKeyId;
        this.sealed = sealed.clone();
        this.masked = masked;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public UUID getMemberId() {
        return memberId;
    }

    public UUID getDataKeyId() {
        return dataKeyId;
    }

    public byte[] getSealed() {
        return sealed.clone();
    }

    public String getMasked() {
        return masked;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public UUID getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
