package jp.sapphire.payment.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import jp.sapphire.payment.boundary.PayerSetup;
import jp.sapphire.payment.entity.PayerSettings;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.view.FacesProblems;

/** {@code /app/admin/payer.xhtml}: the company as the payer (依頼人) of its transfers, and its bank's file format. */
@Named("payerAdmin")
@ViewScoped
public class PayerAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "payer:";

    @EJB
    PayerSetup payer;

    private String requesterCode;
    private String requesterName;
    private final AccountFields account = new AccountFields();
    private String bankName;
    private String branchName;
    private boolean lineBreaks = true;

    @PostConstruct
    void load() {
        payer.settings().ifPresent(this::show);
    }

    public void save() {
        try {
            show(payer.save(new PayerSetup.PayerInput(requesterCode, requesterName, account.getBankCode(), bankName,
                    account.getBranchCode(), branchName, account.getAccountType(), account.getAccountNumber(), lineBreaks)));
            FacesProblems.confirm("admin.payer.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("requesterCode", FORM + "requesterCode", "requesterName", FORM + "requesterName",
                    "bankCode", FORM + "bankCode", "bankName", FORM + "bankName", "branchCode", FORM + "branchCode",
                    "branchName", FORM + "branchName", "accountType", FORM + "accountType",
                    "accountNumber", FORM + "accountNumber"));
        }
    }

    private void show(PayerSettings settings) {
        requesterCode = settings.getRequesterCode();
        requesterName = settings.getRequesterName();
        account.show(settings.getBankCode(), settings.getBranchCode(), settings.getAccountType(), settings.getAccountNumber());
        bankName = settings.getBankName();
        branchName = settings.getBranchName();
        lineBreaks = settings.isLineBreaks();
    }

    public String getRequesterCode() {
        return requesterCode;
    }

    public void setRequesterCode(String requesterCode) {
        this.requesterCode = requesterCode;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public void setRequesterName(String requesterName) {
        this.requesterName = requesterName;
    }

    public AccountFields getAccount() {
        return account;
    }

    public String getBankName() {
        return bankName;
    }

    public void setBankName(String bankName) {
        this.bankName = bankName;
    }

    public String getBranchName() {
        return branchName;
    }

    public void setBranchName(String branchName) {
        this.branchName = branchName;
    }

    public boolean isLineBreaks() {
        return lineBreaks;
    }

    public void setLineBreaks(boolean lineBreaks) {
        this.lineBreaks = lineBreaks;
    }
}
