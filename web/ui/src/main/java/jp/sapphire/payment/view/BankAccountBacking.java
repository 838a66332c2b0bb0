package jp.sapphire.payment.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import jp.sapphire.payment.boundary.BankAccounts.AccountInput;
import jp.sapphire.payment.boundary.BankAccounts;
import jp.sapphire.payment.control.Account;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;

/** {@code /app/bank-account.xhtml}: the member's own account for reimbursements, shown whole to them only. */
@Named("bankAccount")
@ViewScoped
public class BankAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "account:";

    @EJB
    BankAccounts accounts;

    private final AccountFields account = new AccountFields();
    private String holderName;
    private boolean registered;

    @PostConstruct
    void load() {
        accounts.mine().ifPresent(this::show);
    }

    public void save() {
        try {
            show(accounts.saveMine(new AccountInput(account.getBankCode(), account.getBranchCode(),
                    account.getAccountType(), account.getAccountNumber(), holderName)));
            FacesProblems.confirm("bank-account.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("bankCode", FORM + "bankCode", "branchCode", FORM + "branchCode",
                    "accountType", FORM + "accountType", "accountNumber", FORM + "accountNumber",
                    "holderName", FORM + "holderName"));
        } catch (Refusal refused) {
            FacesProblems.show(refused);
        }
    }

    /** The account as stored: the holder's name as the bank will read it. */
    private void show(Account stored) {
        account.show(stored.bankCode(), stored.branchCode(), stored.type().code(), stored.number());
        holderName = stored.holder();
        registered = true;
    }

    public boolean isRegistered() {
        return registered;
    }

    public AccountFields getAccount() {
        return account;
    }

    public String getHolderName() {
        return holderName;
    }

    public void setHolderName(String holderName) {
        this.holderName = holderName;
    }
}
