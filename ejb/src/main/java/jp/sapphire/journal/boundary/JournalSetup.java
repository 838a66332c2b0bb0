package jp.sapphire.journal.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.admin.control.PrivilegedLog;
import jp.sapphire.expense.entity.CategoryAccounting;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.InvoiceSpecial;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.identity.control.AdminOnly;
import jp.sapphire.journal.control.Journal.Account;
import jp.sapphire.journal.control.JournalMasters;
import jp.sapphire.journal.control.TaxNames;
import jp.sapphire.journal.entity.JournalSettings;
import jp.sapphire.journal.entity.JournalSettings.DepartmentAs;
import jp.sapphire.journal.entity.JournalSettings.Granularity;
import jp.sapphire.journal.entity.JournalSettings.ProjectAs;
import jp.sapphire.journal.entity.JournalTaxName;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.PlainText;

/**
 * The tenant administrator's account mapping (仕訳の設定), the one writer of it: the journal settings
 * (granularity, the credit accounts, 部門 and project), each category's account, sub-account and
 * 特例, and the tax names of each accounting software. Every change is in the privileged activity log.
 */
@Stateless
@AdminOnly
@DeclareRoles("TENANT_ADMIN")
public class JournalSetup {

    static final int MAX_NAME = 40;
    static final int MAX_CODE = 20;

    /** A category with the account its lines are booked on, and whether that is the tenant's own mapping. */
    public record CategoryAccount(ExpenseCategory category, Account account, InvoiceSpecial special, boolean mapped) {
    }

    public record SettingsInput(Granularity granularity, String payableAccount, String payableCode, String bankAccount,
                                String bankCode, String bankSubAccount, DepartmentAs departmentAs, ProjectAs projectAs) {
    }

    public record AccountInput(UUID categoryId, String accountName, String accountCode, String subAccount,
                               InvoiceSpecial special) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    JournalMasters masters;

    @Inject
    PrivilegedLog log;

    public JournalSettings settings() {
        return masters.settings();
    }

    /** Every category, the inactive ones too, by code, with its account. */
    public List<CategoryAccount> accounts() {
        Map<UUID, CategoryAccounting> mapped = masters.accounts();
        return em.createQuery("SELECT c FROM ExpenseCategory c ORDER BY c.code", ExpenseCategory.class).getResultStream()
                .map(category -> {
                    CategoryAccounting mapping = mapped.get(category.getId());
                    return new CategoryAccount(category, JournalMasters.accountOf(category, mapping),
                            mapping == null ? InvoiceSpecial.NONE : mapping.getInvoiceSpecial(), mapping != null);
                }).toList();
    }

    /** The tax names of one software, the tenant's own over the defaults. */
    public Map<TaxClass, TaxNames.Names> taxNames(Software software) {
        return masters.taxNames().of(software);
    }

    public JournalSettings saveSettings(SettingsInput input) {
        List<InputProblem> problems = new ArrayList<>();
        if (input.granularity() == null) {
            problems.add(InputProblem.of("granularity", "sapphire.journal.granularity.required"));
        }
        if (input.departmentAs() == null) {
            problems.add(InputProblem.of("departmentAs", "sapphire.journal.department.required"));
        }
        if (input.projectAs() == null) {
            problems.add(InputProblem.of("projectAs", "sapphire.journal.project.required"));
        }
        name(problems, "payableAccount", input.payableAccount(), true);
        code(problems, "payableCode", input.payableCode());
        name(problems, "bankAccount", input.bankAccount(), true);
        code(problems, "bankCode", input.bankCode());
        name(problems, "bankSubAccount", input.bankSubAccount(), false);
        refuse(problems);
        JournalSettings settings = masters.stored().orElse(null);
        String before = settings == null ? null : describe(settings);
        if (settings == null) {
            settings = new JournalSettings();
            em.persist(settings);
        }
        settings.describe(input.granularity(), input.payableAccount().strip(), strip(input.payableCode()),
                input.bankAccount().strip(), strip(input.bankCode()), strip(input.bankSubAccount()), input.departmentAs(),
                input.projectAs());
        log.record("JOURNAL_SETTINGS_CHANGED", "journal settings", before, describe(settings));
        return settings;
    }

    /** Each category's account, all or nothing: every wrong row is named ({@code accounts[i].field}). */
    public void saveAccounts(List<AccountInput> inputs) {
        Map<UUID, ExpenseCategory> categories = em.createQuery("SELECT c FROM ExpenseCategory c", ExpenseCategory.class)
                .getResultStream().collect(Collectors.toMap(ExpenseCategory::getId, Function.identity()));
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            AccountInput input = inputs.get(i);
            String at = "accounts[" + i + "].";
            if (input.categoryId() == null || !categories.containsKey(input.categoryId())) {
                problems.add(InputProblem.of(at + "categoryId", "sapphire.journal.category.unknown"));
            }
            name(problems, at + "accountName", input.accountName(), true);
            code(problems, at + "accountCode", input.accountCode());
            name(problems, at + "subAccount", input.subAccount(), false);
            if (input.special() == null) {
                problems.add(InputProblem.of(at + "special", "sapphire.journal.special.required"));
            }
        }
        refuse(problems);
        Map<UUID, CategoryAccounting> existing = masters.accounts();
        List<String> changed = new ArrayList<>();
        for (AccountInput input : inputs) {
            CategoryAccounting mapping = existing.get(input.categoryId());
            if (mapping == null) {
                mapping = new CategoryAccounting(input.categoryId());
                em.persist(mapping);
            } else if (mapping.getAccountName().equals(input.accountName().strip())
                    && mapping.getAccountCode().equals(strip(input.accountCode()))
                    && mapping.getSubAccount().equals(strip(input.subAccount())) && mapping.getInvoiceSpecial() == input.special()) {
                continue;
            }
            mapping.describe(input.accountName().strip(), strip(input.accountCode()), strip(input.subAccount()), input.special());
            changed.add(categories.get(input.categoryId()).getCode() + "=" + mapping.getAccountName() + "/"
                    + mapping.getSubAccount() + "/" + mapping.getInvoiceSpecial());
        }
        if (!changed.isEmpty()) {
            log.record("ACCOUNT_MAPPING_CHANGED", "category accounts", null, String.join(", ", changed));
        }
    }

    /** One software's tax names; a name equal to SAPPHIRE's default is not stored. */
    public void saveTaxNames(Software software, Map<TaxClass, TaxNames.Names> names) {
        List<InputProblem> problems = new ArrayList<>();
        if (software == null) {
            problems.add(InputProblem.of("software", "sapphire.journal.software.required"));
        }
        names.forEach((taxClass, name) -> {
            name(problems, "taxNames." + taxClass + ".qualified", name.qualified(), true);
            name(problems, "taxNames." + taxClass + ".transitional", name.transitional(), true);
        });
        refuse(problems);
        Map<TaxClass, JournalTaxName> existing = em.createQuery("SELECT n FROM JournalTaxName n WHERE n.software = :software",
                        JournalTaxName.class).setParameter("software", software).getResultStream()
                .collect(Collectors.toMap(JournalTaxName::getTaxClass, Function.identity()));
        Map<TaxClass, TaxNames.Names> defaults = TaxNames.defaultsOf(software);
        names.forEach((taxClass, name) -> {
            TaxNames.Names given = new TaxNames.Names(name.qualified().strip(), name.transitional().strip());
            JournalTaxName row = existing.get(taxClass);
            if (given.equals(defaults.get(taxClass))) {
                if (row != null) {
                    em.remove(row);
                }
                return;
            }
            if (row == null) {
                row = new JournalTaxName(software, taxClass);
                em.persist(row);
            }
            row.name(given.qualified(), given.transitional());
        });
        log.record("TAX_NAMES_CHANGED", "tax names " + software, null, names.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().qualified() + "|" + e.getValue().transitional())
                .sorted().collect(Collectors.joining(", ")));
    }

    private static void name(List<InputProblem> problems, String field, String value, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            problems.add(InputProblem.of(field, "sapphire.journal.name.required"));
        } else if (text.length() > MAX_NAME) {
            problems.add(InputProblem.of(field, "sapphire.journal.name.size", "max", MAX_NAME));
        } else if (!PlainText.isPlain(text)) {
            problems.add(InputProblem.of(field, "sapphire.text.control"));
        }
    }

    private static void code(List<InputProblem> problems, String field, String value) {
        if (value != null && !value.isBlank() && !value.strip().matches("[A-Za-z0-9_-]{1," + MAX_CODE + "}")) {
            problems.add(InputProblem.of(field, "sapphire.journal.code", "max", MAX_CODE));
        }
    }

    private static void refuse(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String describe(JournalSettings settings) {
        return "granularity=" + settings.getGranularity() + " payable=" + settings.getPayableAccount() + "/"
                + settings.getPayableCode() + " bank=" + settings.getBankAccount() + "/" + settings.getBankCode() + "/"
                + settings.getBankSubAccount() + " department=" + settings.getDepartmentAs() + " project="
                + settings.getProjectAs();
    }
}
