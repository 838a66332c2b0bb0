package jp.sapphire.journal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.expense.entity.CategoryAccounting;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.journal.control.Journal.Account;
import jp.sapphire.journal.entity.JournalSettings;
import jp.sapphire.journal.entity.JournalTaxName;
import jp.sapphire.journal.entity.Software;

/** The current tenant's journal settings, category accounts and tax names, as the exports and the console read them. */
@ApplicationScoped
public class JournalMasters {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    /** The tenant's settings, or the defaults (a journal line per expense line, 未払金, 普通預金, 部門 by name). */
    public JournalSettings settings() {
        return stored().orElseGet(JournalSettings::new);
    }

    /** The tenant's own settings, if it has saved any. */
    public Optional<JournalSettings> stored() {
        return em.createQuery("SELECT s FROM JournalSettings s", JournalSettings.class).getResultStream().findFirst();
    }

    /** How each category is booked, by category id; a category without its own mapping is missing. */
    public Map<UUID, CategoryAccounting> accounts() {
        return em.createQuery("SELECT a FROM CategoryAccounting a", CategoryAccounting.class).getResultStream()
                .collect(Collectors.toMap(CategoryAccounting::getCategoryId, Function.identity()));
    }

    /** The account a category's lines are booked on: its mapping, or its own name and code. */
    public static Account accountOf(ExpenseCategory category, CategoryAccounting mapping) {
        return mapping == null ? new Account(category.getName(), category.getCode(), "")
                : new Account(mapping.getAccountName(), mapping.getAccountCode(), mapping.getSubAccount());
    }

    /** The tenant's tax names over SAPPHIRE's defaults. */
    public TaxNames taxNames() {
        Map<Software, Map<TaxClass, TaxNames.Names>> own = new EnumMap<>(Software.class);
        for (JournalTaxName name : em.createQuery("SELECT n FROM JournalTaxName n", JournalTaxName.class).getResultList()) {
            own.computeIfAbsent(name.getSoftware(), software -> new EnumMap<>(TaxClass.class))
                    .put(name.getTaxClass(), new TaxNames.Names(name.getQualifiedName(), name.getTransitionalName()));
        }
        return TaxNames.with(own);
    }

    /** The settings as the entries need them. */
    public static JournalEntries.Settings entriesOf(JournalSettings settings) {
        return new JournalEntries.Settings(settings.getGranularity(),
                new Account(settings.getPayableAccount(), settings.getPayableCode(), ""),
                new Account(settings.getBankAccount(), settings.getBankCode(), settings.getBankSubAccount()),
                settings.getProjectAs());
    }
}
