package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * How a category is booked: the account (勘定科目) and sub-account (補助科目) as the tenant's
 * accounting software names them, and whether its lines need no invoice (特例). A category
 * without one is booked under its own name and code.
 */
@Entity
@Table(name = "category_accounting")
public class CategoryAccounting extends TenantOwned {

    @Column(name = "category_id")
    private UUID categoryId;

    @Column(name = "account_name")
    private String accountName;

    @Column(name = "account_code")
    private String accountCode = "";

    @Column(name = "sub_account")
    private String subAccount = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "invoice_special")
    private InvoiceSpecial invoiceSpecial = InvoiceSpecial.NONE;

    @Version
    private long version;

    protected CategoryAccounting() {
    }

    public CategoryAccounting(UUID categoryId) {
        this.categoryId = categoryId;
    }

    public void describe(String accountName, String accountCode, String subAccount, InvoiceSpecial invoiceSpecial) {
        this.accountName = accountName;
        this.accountCode = accountCode;
        this.subAccount = subAccount;
        this.invoiceSpecial = invoiceSpecial;
    }

    public UUID getCategoryId() {
        return categoryId;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getAccountCode() {
        return accountCode;
    }

    public String getSubAccount() {
        return subAccount;
    }

    public InvoiceSpecial getInvoiceSpecial() {
        return invoiceSpecial;
    }
}
