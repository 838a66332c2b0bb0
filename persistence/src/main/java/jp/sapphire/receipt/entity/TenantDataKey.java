package jp.sapphire.receipt.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.sapphire.tenant.entity.TenantOwned;

/** A tenant's data key for stored content, sealed under the service's master key (never stored in clear). */
@Entity
@Table(name = "tenant_data_key")
@NamedQuery(name = TenantDataKey.NEWEST, query = "SELECT k FROM TenantDataKey k ORDER BY k.createdAt DESC")
public class TenantDataKey extends TenantOwned {

    public static final String NEWEST = "TenantDataKey.newest";

    @Column(name = "sealed_key")
    private byte[] sealedKey;

    @Column(name = "master_key_id")
    private String masterKeyId;

    @Column(name = "created_at")
    private Instant createdAt;

    protected TenantDataKey() {
    }

    public TenantDataKey(String masterKeyId, byte[] sealedKey, Instant createdAt) {
        this.masterKeyId = masterKeyId;
        this.sealedKey = sealedKey.clone();
        this.createdAt = createdAt;
    }

    public byte[] getSealedKey() {
        return sealedKey.clone();
    }

    public String getMasterKeyId() {
        return masterKeyId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
