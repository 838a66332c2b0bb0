package jp.sapphire.expense.view;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.boundary.LineSaved;
import jp.sapphire.expense.control.PolicyCheck.Breach;
import jp.sapphire.expense.control.PolicyCheck;
import jp.sapphire.expense.control.TaxCalculator;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.view.FacesProblems;

/**
 * The line dialog of {@code /app/reports/edit.xhtml}: a line (明細) of the report that
 * {@link EditReportBacking} shows, new or changed, with the fields its category asks for and the
 * yen and tax it will hold. The dialog's lookups (categories, custom fields, the tenant's tax
 * rounding) are read when it first opens in the view: a report that is only looked at never needs them.
 */
@Named("lineDialog")
@ViewScoped
public class LineDialogBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "lineForm:";

    @EJB
    ExpenseReports expenseReports;

    @EJB
    ExpenseSettings settings;

    @Inject
    CurrentMember member;

    @Inject
    EditReportBacking editReport;

    private LineForm line;
    private TaxRounding rounding;
    private transient List<ExpenseCategory> categories;
    private transient List<CustomField> customFields;
    private transient List<PolicyRule> rules;

    public void newLine() {
        lookups();
        ExpenseCategory first = categories.isEmpty() ? null : categories.get(0);
        line = LineForm.blank(member.today(), first == null ? null : first.getId(),
                first == null ? null : first.getDefaultTaxClass());
    }

    public void editLine(UUID lineId) {
        lookups();
        editReport.getReport().line(lineId).ifPresent(found -> line = LineForm.of(found));
    }

    /**
     * The category changed: its default tax class comes with it, and the measures its kind does
     * not ask for (nights, trip days, attendees) are forgotten, not saved unseen.
     */
    public void categoryChanged() {
        category().ifPresent(category -> line.setTaxClass(category.getDefaultTaxClass()));
        if (!isLodging()) {
            line.setNights(null);
        }
        if (!isPerDiem()) {
            line.setTripDays(null);
        }
        if (!isEntertainment()) {
            line.setAttendeeCount(null);
        }
    }

    public void saveLine() {
        UUID report = editReport.getId();
        try {
            LineSaved saved = line.getLineId() == null
                    ? expenseReports.addLine(report, editReport.getVersion(), line.input())
                    : expenseReports.updateLine(report, editReport.getVersion(), line.getLineId(), line.input());
            saved.warnings().forEach(FacesProblems::warn);
            editReport.changed(saved.line().getReport().getVersion());
            FacesProblems.confirm("reports.line.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, lineFields());
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }

    /** Reads the masters once per view on this server (after the session came from another one, again). */
    private void lookups() {
        if (categories == null) {
            categories = settings.activeCategories();
            customFields = settings.customFields();
            rounding = settings.policy().getTaxRounding();
            rules = settings.policyRules();
        }
    }

    public LineForm getLine() {
        return line;
    }

    public List<ExpenseCategory> getCategories() {
        lookups();
        return categories;
    }

    /** The custom fields of the category chosen, in the order the page shows them. */
    public List<CustomField> getLineFields() {
        lookups();
        return category().map(category -> customFields.stream().filter(f -> f.appliesTo(category)).toList())
                .orElse(List.of());
    }

    public boolean isTransport() {
        return category().map(c -> c.getKind() == CategoryKind.TRANSPORT).orElse(false);
    }

    public boolean isEntertainment() {
        return category().map(c -> c.getKind() == CategoryKind.ENTERTAINMENT).orElse(false);
    }

    public boolean isLodging() {
        return category().map(c -> c.getKind() == CategoryKind.LODGING).orElse(false);
    }

    public boolean isPerDiem() {
        return category().map(c -> c.getKind() == CategoryKind.PER_DIEM).orElse(false);
    }

    /**
     * The policy rules the line as entered would go beyond, as saving and submitting will count
     * them (with the report's other lines of its category on its day).
     */
    public List<Breach> getPolicyBreaches() {
        Long yen = getLineYen();
        Optional<ExpenseCategory> category = category();
        if (yen == null || yen < 1 || category.isEmpty() || line.getSpentOn() == null) {
            return List.of();
        }
        List<ExpenseLine> lines = editReport.getReport() == null ? List.of() : editReport.getReport().getLines();
        return PolicyCheck.breaches(rules, PolicyCheck.Facts.of(category.get().getId(), line.getSpentOn(), yen, line.getNights(),
                line.getTripDays(), line.getAttendeeCount(), line.isOverseas(), line.getLineId(), lines));
    }

    public List<TaxClass> getTaxClasses() {
        return List.of(TaxClass.values());
    }

    /** The yen amount the line will have: entered, or converted from the foreign amount by the tenant's rule. */
    public Long getLineYen() {
        if (line == null) {
            return null;
        }
        var foreign = line.foreignAmountOrNull();
        if (!line.isForeign()) {
            return line.getAmountYen();
        }
        return foreign == null ? null : TaxCalculator.yen(foreign.amount(), foreign.rate(), rounding);
    }

    /** The tax the line will hold, as it is computed on saving. */
    public Long getLineTax() {
        Long yen = getLineYen();
        return yen == null || yen < 1 || line.getTaxClass() == null ? null
                : TaxCalculator.includedTax(yen, line.getTaxClass(), rounding);
    }

    private Optional<ExpenseCategory> category() {
        lookups();
        return line == null || line.getCategoryId() == null ? Optional.empty()
                : categories.stream().filter(c -> c.getId().equals(line.getCategoryId())).findFirst();
    }

    private Map<String, String> lineFields() {
        Map<String, String> fields = new HashMap<>();
        for (String field : List.of("spentOn", "categoryId", "amountYen", "foreignAmount", "currency", "exchangeRate",
                "taxClass", "payee", "invoiceNumber", "description", "attendees", "routeFrom", "routeTo", "nights", "tripDays",
                "attendeeCount", "policyReason")) {
            fields.put(field, FORM + field);
        }
        List<CustomField> applicable = getLineFields();
        for (int i = 0; i < applicable.size(); i++) {
            String input = applicable.get(i).getType() == CustomField.Type.CHOICE ? ":choice" : ":value";
            fields.put("customFields." + applicable.get(i).getKey(), FORM + "customFields:" + i + input);
        }
        return fields;
    }
}
