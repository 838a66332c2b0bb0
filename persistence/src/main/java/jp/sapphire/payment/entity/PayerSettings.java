package jp.sapphire.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * The tenant as the payer (依頼人) of its transfers: the requester code its bank gave it, its name
 * in bank kana, the account the money leaves from — and whether its bank wants the file with a
 * line break after each record. One row per tenant. Company data, not personal: kept in clear.
 */
@Entity
@Table(name = "payer_settings")
public class PayerSettings extends TenantOwned {

    @Column(name = "requester_code")
    private String requesterCode;

    @Column(name = "requester_name")
    private String requesterName;

    @Column(name = "bank_code")
    private String bankCode;

    @Column(name = "bank_name")
    private String bankName = "";

    @Column(name = "branch_code")
    private String branchCode;

    @Column(name = "branch_name")
    private String branchName = "";

    @Column(name = "account_type")
    private int accountType;

    @Column(name = "account_number")
    private String accountNumber;

    @Column(name = "line_breaks")
    private boolean lineBreaks = true;

    @Version
    private long version;

    /** Every field at once, already checked and converted to bank kana. */
    public void describe(String requesterCode, String requesterName, String bankCode, String bankName, String branchCode,
                         String branchName, int accountType, String accountNumber, boolean lineBreaks) {
        this.requesterCode = requesterCode;
        this.requesterName = requesterName;
        this.bankCode = bankCode;
        this.bankName = bankName;
        this.branchCode = branchCode;
        this.branchName = branchName;
        this.accountType = accountType;
        this.accountNumber = accountNumber;
        this.lineBreaks = lineBreaks;
    }

    public String getRequesterCode() {
        return requesterCode;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public String getBankCode() {
        return bankCode;
    }

    public String getBankName() {
        return bankName;
    }

    public String getBranchCode() {
        return branchCode;
    }

    public String getBranchName() {
        return branchName;
    }

    public int getAccountType() {
        return accountType;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public boolean isLineBreaks() {
        return lineBreaks;
    }

    public long getVersion() {
        return version;
    }
}
