package jp.sapphire.expense.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.control.InvoiceRules.Treatment;
import jp.sapphire.expense.entity.CategoryAccounting;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.InvoiceOverride;
import jp.sapphire.expense.entity.InvoiceSpecial;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The invoice status and deductible tax of lines of the current tenant ({@link InvoiceRules} with
 * the configured schedule), read with what they depend on — the policy, the categories' 特例 and
 * accounting's overrides — in three queries however many lines there are.
 */
@ApplicationScoped
public class LineInvoices {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @EJB
    ExpenseSettings settings;

    @Inject
    @ConfigProperty(name = "sapphire.invoice.transitional-schedule")
    String schedule;

    @Inject
    @ConfigProperty(name = "sapphire.invoice.public-transport.below-yen")
    long publicTransportBelow;

    @Inject
    @ConfigProperty(name = "sapphire.invoice.small-amount.below-yen")
    long smallAmountBelow;

    @Inject
    @ConfigProperty(name = "sapphire.invoice.small-amount.from")
    LocalDate smallAmountFrom;

    @Inject
    @ConfigProperty(name = "sapphire.invoice.small-amount.until")
    LocalDate smallAmountUntil;

    private InvoiceRules rules;

    /** A schedule that cannot be read stops the application at start-up, naming the entry. */
    @PostConstruct
    void read() {
        rules = new InvoiceRules(InvoiceSchedule.parse(schedule), publicTransportBelow, smallAmountBelow, smallAmountFrom,
                smallAmountUntil);
    }

    public InvoiceRules rules() {
        return rules;
    }

    /** Each line's treatment, by line id. */
    public Map<UUID, Treatment> of(Collection<ExpenseLine> lines) {
        if (lines.isEmpty()) {
            return Map.of();
        }
        ExpensePolicy policy = settings.policy();
        Map<UUID, InvoiceSpecial> specials = specials(lines.stream().map(line -> line.getCategory().getId())
                .collect(Collectors.toSet()));
        Map<UUID, InvoiceOverride> overrides = overrides(lines.stream().map(ExpenseLine::getId).toList());
        Map<UUID, Treatment> treatments = new HashMap<>();
        for (ExpenseLine line : lines) {
            InvoiceOverride override = overrides.get(line.getId());
            treatments.put(line.getId(), rules.treat(lineOf(line, specials.getOrDefault(line.getCategory().getId(),
                            InvoiceSpecial.NONE)), policy.isSmallAmountExemption(), policy.getTaxRounding(),
                    override == null ? null : override.getStatus(), override == null ? null : override.getReason()));
        }
        return treatments;
    }

    /** The line as the rules see it. */
    public static InvoiceRules.Line lineOf(ExpenseLine line, InvoiceSpecial special) {
        return new InvoiceRules.Line(line.getSpentOn(), line.getAmountYen(), line.getTaxClass(), line.getTaxYen(),
                line.getInvoiceNumber(), special);
    }

    /** Accounting's override of a line, if there is one. */
    public InvoiceOverride override(UUID lineId) {
        return overrides(List.of(lineId)).get(lineId);
    }

    private Map<UUID, InvoiceSpecial> specials(Set<UUID> categories) {
        return em.createQuery("SELECT a FROM CategoryAccounting a WHERE a.categoryId IN :categories", CategoryAccounting.class)
                .setParameter("categories", categories).getResultStream()
                .collect(Collectors.toMap(CategoryAccounting::getCategoryId, CategoryAccounting::getInvoiceSpecial));
    }

    private Map<UUID, InvoiceOverride> overrides(List<UUID> lines) {
        return em.createQuery("SELECT o FROM InvoiceOverride o WHERE o.lineId IN :lines", InvoiceOverride.class)
                .setParameter("lines", lines).getResultStream()
                .collect(Collectors.toMap(InvoiceOverride::getLineId, Function.identity()));
    }
}
