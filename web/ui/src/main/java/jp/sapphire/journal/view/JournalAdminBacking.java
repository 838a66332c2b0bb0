package jp.sapphire.journal.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.expense.entity.InvoiceSpecial;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.journal.boundary.JournalSetup;
import jp.sapphire.journal.boundary.Journals;
import jp.sapphire.journal.control.TaxNames;
import jp.sapphire.journal.entity.JournalSettings.DepartmentAs;
import jp.sapphire.journal.entity.JournalSettings.Granularity;
import jp.sapphire.journal.entity.JournalSettings.ProjectAs;
import jp.sapphire.journal.entity.JournalSettings;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.view.FacesProblems;

/**
 * {@code /app/admin/journal.xhtml}: how the tenant books expenses in its accounting software
 * (仕訳設定) — the journal settings, each category's account and 特例, one software's tax names —
 * with a preview of the first rows of a journal file as it would be written now.
 */
@Named("journalAdmin")
@ViewScoped
public class JournalAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    JournalSetup setup;

    @EJB
    Journals journals;

    /** A category's row of the mapping table, as typed. */
    public static class AccountRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final UUID categoryId;
        private final String category;
        private String accountName;
        private String accountCode;
        private String subAccount;
        private InvoiceSpecial special;

        AccountRow(JournalSetup.CategoryAccount account) {
            categoryId = account.category().getId();
            category = account.category().getCode() + " " + account.category().getName();
            accountName = account.account().name();
            accountCode = account.account().code();
            subAccount = account.account().subAccount();
            special = account.special();
        }

        JournalSetup.AccountInput input() {
            return new JournalSetup.AccountInput(categoryId, accountName, accountCode, subAccount, special);
        }

        public String getCategory() {
            return category;
        }

        public String getAccountName() {
            return accountName;
        }

        public void setAccountName(String accountName) {
            this.accountName = accountName;
        }

        public String getAccountCode() {
            return accountCode;
        }

        public void setAccountCode(String accountCode) {
            this.accountCode = accountCode;
        }

        public String getSubAccount() {
            return subAccount;
        }

        public void setSubAccount(String subAccount) {
            this.subAccount = subAccount;
        }

        public InvoiceSpecial getSpecial() {
            return special;
        }

        public void setSpecial(InvoiceSpecial special) {
            this.special = special;
        }
    }

    private Granularity granularity;
    private String payableAccount;
    private String payableCode;
    private String bankAccount;
    private String bankCode;
    private String bankSubAccount;
    private DepartmentAs departmentAs;
    private ProjectAs projectAs;
    private final List<AccountRow> accounts = new ArrayList<>();
    private Software software = Software.YAYOI;
    private final Map<TaxClass, String> qualifiedNames = new EnumMap<>(TaxClass.class);
    private final Map<TaxClass, String> transitionalNames = new EnumMap<>(TaxClass.class);
    private transient Journals.Preview preview;

    @PostConstruct
    void load() {
        show(setup.settings());
        accounts.clear();
        setup.accounts().forEach(account -> accounts.add(new AccountRow(account)));
        showTaxNames();
    }

    public void saveSettings() {
        try {
            show(setup.saveSettings(new JournalSetup.SettingsInput(granularity, payableAccount, payableCode, bankAccount,
                    bankCode, bankSubAccount, departmentAs, projectAs)));
            FacesProblems.confirm("admin.journal.saved");
        } catch (InvalidInputException invalid) {
            Map<String, String> fields = new HashMap<>();
            List.of("granularity", "payableAccount", "payableCode", "bankAccount", "bankCode", "bankSubAccount", "departmentAs",
                    "projectAs").forEach(field -> fields.put(field, "settings:" + field));
            FacesProblems.show(invalid, fields);
        }
    }

    public void saveAccounts() {
        try {
            setup.saveAccounts(accounts.stream().map(AccountRow::input).toList());
            FacesProblems.confirm("admin.journal.saved");
        } catch (InvalidInputException invalid) {
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < accounts.size(); i++) {
                for (String field : List.of("accountName", "accountCode", "subAccount", "special")) {
                    fields.put("accounts[" + i + "]." + field, "accounts:table:" + i + ":" + field);
                }
            }
            FacesProblems.show(invalid, fields);
        }
    }

    /** Shows the chosen software's tax names. */
    public void chooseSoftware() {
        showTaxNames();
        preview = null;
    }

    public void saveTaxNames() {
        Map<TaxClass, TaxNames.Names> names = new EnumMap<>(TaxClass.class);
        qualifiedNames.forEach((taxClass, name) -> names.put(taxClass, new TaxNames.Names(name, transitionalNames.get(taxClass))));
        try {
            setup.saveTaxNames(software, names);
            FacesProblems.confirm("admin.journal.saved");
        } catch (InvalidInputException invalid) {
            Map<String, String> fields = new HashMap<>(Map.of("software", "taxNames:software"));
            for (TaxClass taxClass : TaxClass.values()) {
                fields.put("taxNames." + taxClass + ".qualified", "taxNames:table:" + taxClass.ordinal() + ":qualified");
                fields.put("taxNames." + taxClass + ".transitional", "taxNames:table:" + taxClass.ordinal() + ":transitional");
            }
            FacesProblems.show(invalid, fields);
        }
    }

    public void showPreview() {
        preview = journals.preview(software);
    }

    private void show(JournalSettings settings) {
        granularity = settings.getGranularity();
        payableAccount = settings.getPayableAccount();
        payableCode = settings.getPayableCode();
        bankAccount = settings.getBankAccount();
        bankCode = settings.getBankCode();
        bankSubAccount = settings.getBankSubAccount();
        departmentAs = settings.getDepartmentAs();
        projectAs = settings.getProjectAs();
    }

    private void showTaxNames() {
        setup.taxNames(software).forEach((taxClass, names) -> {
            qualifiedNames.put(taxClass, names.qualified());
            transitionalNames.put(taxClass, names.transitional());
        });
    }

    public Journals.Preview getPreview() {
        return preview;
    }

    public List<AccountRow> getAccounts() {
        return accounts;
    }

    public TaxClass[] getTaxClasses() {
        return TaxClass.values();
    }

    public Software[] getSoftwares() {
        return Software.values();
    }

    public InvoiceSpecial[] getSpecials() {
        return InvoiceSpecial.values();
    }

    public Granularity[] getGranularities() {
        return Granularity.values();
    }

    public DepartmentAs[] getDepartmentOptions() {
        return DepartmentAs.values();
    }

    public ProjectAs[] getProjectOptions() {
        return ProjectAs.values();
    }

    public Map<TaxClass, String> getQualifiedNames() {
        return qualifiedNames;
    }

    public Map<TaxClass, String> getTransitionalNames() {
        return transitionalNames;
    }

    public Software getSoftware() {
        return software;
    }

    public void setSoftware(Software software) {
        this.software = software;
    }

    public Granularity getGranularity() {
        return granularity;
    }

    public void setGranularity(Granularity granularity) {
        this.granularity = granularity;
    }

    public String getPayableAccount() {
        return payableAccount;
    }

    public void setPayableAccount(String payableAccount) {
        this.payableAccount = payableAccount;
    }

    public String getPayableCode() {
        return payableCode;
    }

    public void setPayableCode(String payableCode) {
        this.payableCode = payableCode;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public void setBankAccount(String bankAccount) {
        this.bankAccount = bankAccount;
    }

    public String getBankCode() {
        return bankCode;
    }

    public void setBankCode(String bankCode) {
        this.bankCode = bankCode;
    }

    public String getBankSubAccount() {
        return bankSubAccount;
    }

    public void setBankSubAccount(String bankSubAccount) {
        this.bankSubAccount = bankSubAccount;
    }

    public DepartmentAs getDepartmentAs() {
        return departmentAs;
    }

    public void setDepartmentAs(DepartmentAs departmentAs) {
        this.departmentAs = departmentAs;
    }

    public ProjectAs getProjectAs() {
        return projectAs;
    }

    public void setProjectAs(ProjectAs projectAs) {
        this.projectAs = projectAs;
    }
}
