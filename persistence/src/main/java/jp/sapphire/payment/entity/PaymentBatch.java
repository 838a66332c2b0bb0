package jp.sapphire.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import jp.sapphire.payment.entity.BatchStatus.Move;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A payment batch (支払バッチ): approved reports paid together on one transfer date. Its state
 * moves only along {@link BatchStatus}'s table. The transfer file is made once, at export, and kept
 * sealed with its SHA-256: every download is the same bytes.
 */
@Entity
@Table(name = "payment_batch")
@NamedQuery(name = PaymentBatch.RECENT, query = "SELECT b FROM PaymentBatch b ORDER BY b.createdAt DESC, b.id")
public class PaymentBatch extends TenantOwned {

    public static final String RECENT = "PaymentBatch.recent";

    @Enumerated(EnumType.STRING)
    private BatchStatus status = BatchStatus.DRAFT;

    @Column(name = "transfer_date")
    private LocalDate transferDate;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "exported_at")
    private Instant exportedAt;

    @Column(name = "exported_by")
    private UUID exportedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private UUID closedBy;

    @Column(name = "data_key_id")
    private UUID dataKeyId;

    @Column(name = "file_content")
    private byte[] fileContent;

    @Column(name = "file_sha256")
    private String fileSha256;

    @Version
    private long version;

    protected PaymentBatch() {
    }

    public PaymentBatch(LocalDate transferDate, UUID createdBy, Instant now) {
        this.transferDate = transferDate;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Refuses with {@link IllegalBatchMoveException} unless the batch's state allows the move. */
    public void require(Move move) {
        if (!status.allows(move)) {
            throw new IllegalBatchMoveException(status, move);
        }
    }

    /** Exported: the file sealed under {@code dataKeyId}, with the SHA-256 of its bytes. */
    public void exported(UUID dataKeyId, byte[] sealedFile, String sha256, UUID by, Instant now) {
        require(Move.EXPORT);
        status = BatchStatus.EXPORTED;
        this.dataKeyId = dataKeyId;
        this.fileContent = sealedFile.clone();
        this.fileSha256 = sha256;
        this.exportedBy = by;
        this.exportedAt = now;
    }

    public void paid(UUID by, Instant now) {
        require(Move.MARK_PAID);
        close(BatchStatus.PAID, by, now);
    }

    public void cancelled(UUID by, Instant now) {
        require(Move.CANCEL);
        close(BatchStatus.CANCELLED, by, now);
    }

    private void close(BatchStatus next, UUID by, Instant now) {
        status = next;
        closedBy = by;
        closedAt = now;
    }

    public BatchStatus getStatus() {
        return status;
    }

    public LocalDate getTransferDate() {
        return transferDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getCreatedBy() {
        return createdBy;
    }

    public Instant getExportedAt() {
        return exportedAt;
    }

    public UUID getExportedBy() {
        return exportedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public UUID getClosedBy() {
        return closedBy;
    }

    public UUID getDataKeyId() {
        return dataKeyId;
    }

    public byte[] getFileContent() {
        return fileContent == null ? null : fileContent.clone();
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public long getVersion() {
        return version;
    }
}
