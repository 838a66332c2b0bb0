package jp.sapphire.payment.view;

import java.io.Serializable;

/** The fields of a bank account form, the member's and the payer's alike: bank, branch, type and number. */
public class AccountFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String bankCode;
    private String branchCode;
    private Integer accountType = 1;
    private String accountNumber;

    void show(String bankCode, String branchCode, int accountType, String accountNumber) {
        this.bankCode = bankCode;
        this.branchCode = branchCode;
        this.accountType = accountType;
        this.accountNumber = accountNumber;
    }

    public String getBankCode() {
        return bankCode;
    }

    public void setBankCode(String bankCode) {
        this.bankCode = bankCode;
    }

    public String getBranchCode() {
        return branchCode;
    }

    public void setBranchCode(String branchCode) {
        this.branchCode = branchCode;
    }

    public Integer getAccountType() {
        return accountType;
    }

    public void setAccountType(Integer accountType) {
        this.accountType = accountType;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public void setAccountNumber(String accountNumber) {
        this.accountNumber = accountNumber;
    }
}
