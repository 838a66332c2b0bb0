package jp.sapphire.receipt.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/** The encrypted bytes of a receipt (AES-256-GCM under the tenant's data key); same id as its receipt. */
@Entity
@Table(name = "receipt_content")
public class ReceiptContent extends TenantOwned {

    private byte[] content;

    protected ReceiptContent() {
    }

    public ReceiptContent(UUID receiptId, byte[] sealed) {
        super(receiptId);
        this.content = sealed.clone();
    }

    public byte[] getContent() {
        return content.clone();
    }
}
