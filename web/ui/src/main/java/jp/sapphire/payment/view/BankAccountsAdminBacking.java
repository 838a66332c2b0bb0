package jp.sapphire.payment.view;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.admin.view.CsvMasterBacking;
import jp.sapphire.payment.boundary.BankAccounts;

/**
 * {@code /app/admin/bank-accounts.xhtml}: members' accounts for reimbursements, masked; imported
 * from CSV, exported as a form to fill in (every member, no account: an administrator never sees one whole).
 */
@Named("bankAccountsAdmin")
@ViewScoped
public class BankAccountsAdminBacking extends CsvMasterBacking {

    private static final long serialVersionUID = 1L;

    @EJB
    BankAccounts accounts;

    private transient List<BankAccounts.MemberAccount> members;

    public List<BankAccounts.MemberAccount> getMembers() {
        return members;
    }

    @Override
    protected void read() {
        members = accounts.masked();
    }

    @Override
    protected String fileName() {
        return "bank-accounts";
    }

    @Override
    protected byte[] export(Charset charset, Locale locale) {
        return accounts.exportForm(charset, locale);
    }

    @Override
    protected Masters.Imported importing(byte[] content, Charset charset) {
        return accounts.importAccounts(content, charset);
    }
}
