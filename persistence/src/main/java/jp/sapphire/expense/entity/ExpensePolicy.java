package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * The tenant's expense rules: tax rounding, what a duplicate receipt means, whether receipts are
 * required, whether it is a business the 少額特例 applies to, and when waiting approvals are
 * reminded and escalated.
 */
@Entity
@Table(name = "expense_policy")
public class ExpensePolicy extends TenantOwned {

    /** What happens when a line looks like one already filed. */
    public enum DuplicatePolicy {
        WARN,
        BLOCK
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "tax_rounding")
    private TaxRounding taxRounding = TaxRounding.TRUNCATE;

    @Enumerated(EnumType.STRING)
    @Column(name = "duplicate_policy")
    private DuplicatePolicy duplicatePolicy = DuplicatePolicy.WARN;

    @Column(name = "receipt_required")
    private boolean receiptRequired = true;

    /** 少額特例: the tenant may deduct purchases under ¥10,000 without an invoice (a qualifying business). */
    @Column(name = "small_amount_exemption")
    private boolean smallAmountExemption;

    /** Business days a step may wait before its approver and the applicant are reminded (docs/APPROVAL.md). */
    @Column(name = "reminder_days")
    private int reminderDays = 3;

    /** Business days after the reminder before the approver's manager is told; {@code null}: never. */
    @Column(name = "escalation_days")
    private Integer escalationDays;

    @Version
    private long version;

    public TaxRounding getTaxRounding() {
        return taxRounding;
    }

    public void setTaxRounding(TaxRounding taxRounding) {
        this.taxRounding = taxRounding;
    }

    public DuplicatePolicy getDuplicatePolicy() {
        return duplicatePolicy;
    }

    public void setDuplicatePolicy(DuplicatePolicy duplicatePolicy) {
        this.duplicatePolicy = duplicatePolicy;
    }

    public boolean isReceiptRequired() {
        return receiptRequired;
    }

    public void setReceiptRequired(boolean receiptRequired) {
        this.receiptRequired = receiptRequired;
    }

    public boolean isSmallAmountExemption() {
        return smallAmountExemption;
    }

    public void setSmallAmountExemption(boolean smallAmountExemption) {
        this.smallAmountExemption = smallAmountExemption;
    }

    public int getReminderDays() {
        return reminderDays;
    }

    public void setReminderDays(int reminderDays) {
        this.reminderDays = reminderDays;
    }

    public Integer getEscalationDays() {
        return escalationDays;
    }

    public void setEscalationDays(Integer escalationDays) {
        this.escalationDays = escalationDays;
    }
}
