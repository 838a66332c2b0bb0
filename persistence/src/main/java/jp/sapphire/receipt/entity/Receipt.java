package jp.sapphire.receipt.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A receipt attached to an expense line: what was uploaded (name, type checked by content,
 * size, SHA-256), when and by whom. The content is in {@link ReceiptContent}, encrypted.
 */
@Entity
@Table(name = "receipt")
@NamedQuery(name = Receipt.OF_LINE,
        query = "SELECT r FROM Receipt r WHERE r.lineId = :line ORDER BY r.versionNo")
@NamedQuery(name = Receipt.BY_HASH,
        query = "SELECT r FROM Receipt r WHERE r.sha256 = :sha256 AND r.lineId <> :line AND r.supersededAt IS NULL")
public class Receipt extends TenantOwned {

    public static final String OF_LINE = "Receipt.ofLine";
    public static final String BY_HASH = "Receipt.byHash";

    @Column(name = "line_id")
    private UUID lineId;

    @Column(name = "version_no")
    private int versionNo;

    private String filename;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private int sizeBytes;

    private String sha256;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Column(name = "uploaded_by")
    private UUID uploadedBy;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "data_key_id")
    private UUID dataKeyId;

    protected Receipt() {
    }

    public Receipt(UUID lineId, int versionNo, String filename, String contentType, int sizeBytes, String sha256,
                   Instant uploadedAt, UUID uploadedBy) {
        this.lineId = lineId;
        this.versionNo = versionNo;
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    /** Names the data key the content was encrypted with; once, before the receipt is stored. */
    public void lockedWith(UUID dataKeyId) {
        if (this.dataKeyId != null) {
            throw new IllegalStateException("receipt content is already locked");
        }
        this.dataKeyId = dataKeyId;
    }

    public void supersede(Instant now) {
        if (supersededAt == null) {
            supersededAt = now;
        }
    }

    public UUID getLineId() {
        return lineId;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public UUID getUploadedBy() {
        return uploadedBy;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }

    public boolean isCurrent() {
        return supersededAt == null;
    }

    public UUID getDataKeyId() {
        return dataKeyId;
    }
}
