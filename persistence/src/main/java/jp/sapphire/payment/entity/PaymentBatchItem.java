package jp.sapphire.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/** A report in a payment batch; released when the batch is cancelled or the report taken out of it. */
@Entity
@Table(name = "payment_batch_item")
public class PaymentBatchItem extends TenantOwned {

    @Column(name = "batch_id")
    private UUID batchId;

    @Column(name = "report_id")
    private UUID reportId;

    private boolean released;

    protected PaymentBatchItem() {
    }

    public PaymentBatchItem(UUID batchId, UUID reportId) {
        this.batchId = batchId;
        this.reportId = reportId;
    }

    public void release() {
        released = true;
    }

    public UUID getBatchId() {
        return batchId;
    }

    public UUID getReportId() {
        return reportId;
    }

    public boolean isReleased() {
        return released;
    }
}
