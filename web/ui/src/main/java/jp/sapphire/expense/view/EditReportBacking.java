package jp.sapphire.expense.view;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.approval.boundary.Submissions;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.boundary.LineSaved;
import jp.sapphire.expense.boundary.ReportInput;
import jp.sapphire.expense.control.ReportTotals;
import jp.sapphire.expense.control.TaxCalculator;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.LabelDefinition;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.organization.entity.Project;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.receipt.boundary.Receipts;
import jp.sapphire.receipt.entity.Receipt;
import org.primefaces.event.FileUploadEvent;

/**
 * {@code /app/reports/edit.xhtml}: one report — a new one without {@code id} — with its header,
 * lines (in a dialog), receipts (dropped on a line), live totals per tax rate, and submit /
 * withdraw / delete. One boundary call per action; what the boundary refuses is shown next to
 * the field it concerns.
 */
@Named("editReport")
@ViewScoped
public class EditReportBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String HEADER = "report:";
    private static final String LINE = "lineForm:";

    @EJB
    ExpenseReports expenseReports;

    @EJB
    Submissions submissions;

    @EJB
    ExpenseSettings settings;

    @EJB
    Receipts receipts;

    @Inject
    CurrentMember member;

    private UUID id;
    private long version;
    private String title;
    private String purpose;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String project;
    private transient List<Project> projects;
    private LineForm line;

    /** Read again for every request: entities are not kept in the view. */
    private transient ExpenseReport report;
    private transient Map<UUID, Receipt> currentReceipts;
    private transient List<ExpenseCategory> categories;
    private transient List<CustomField> customFields;

    /** f:viewAction: loads the report named by the {@code id} parameter, or starts a new one. */
    public void load() {
        if (id == null) {
            return;
        }
        try {
            ExpenseReport loaded = report();
            version = loaded.getVersion();
            title = loaded.getTitle();
            purpose = loaded.getPurpose();
            periodFrom = loaded.getPeriodFrom();
            periodTo = loaded.getPeriodTo();
            labels.clear();
            labels.putAll(loaded.getLabels());
            project = loaded.getProject() == null ? null : loaded.getProject().getCode();
        } catch (NotFoundException notFound) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            id = null;
            FacesProblems.general("sapphire.report.not-found");
        }
    }

    public String save() {
        ReportInput input = new ReportInput(title, purpose, periodFrom, periodTo, nonBlank(labels), project);
        try {
            if (id == null) {
                ExpenseReport created = expenseReports.create(input);
                return "/app/reports/edit?faces-redirect=true&id=" + created.getId();
            }
            version = expenseReports.update(id, version, input).getVersion();
            FacesProblems.confirm("reports.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, headerFields());
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
        return null;
    }

    public void newLine() {
        ExpenseCategory first = getCategories().isEmpty() ? null : getCategories().get(0);
        line = LineForm.blank(member.today(), first == null ? null : first.getId(),
                first == null ? null : first.getDefaultTaxClass());
    }

    public void editLine(UUID lineId) {
        report().line(lineId).ifPresent(found -> line = LineForm.of(found));
    }

    /** The category changed: its default tax class comes with it. */
    public void categoryChanged() {
        category().ifPresent(category -> line.setTaxClass(category.getDefaultTaxClass()));
    }

    public void saveLine() {
        try {
            LineSaved saved = line.getLineId() == null
                    ? expenseReports.addLine(id, version, line.input())
                    : expenseReports.updateLine(id, version, line.getLineId(), line.input());
            version = saved.line().getReport().getVersion();
            saved.warnings().forEach(this::warn);
            report = null;
            FacesProblems.confirm("reports.line.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, lineFields());
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }

    public void removeLine(UUID lineId) {
        try {
            version = expenseReports.removeLine(id, version, lineId).getVersion();
            report = null;
            FacesProblems.confirm("reports.line.removed");
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }

    /** A file dropped on (or chosen for) a line's upload area; the line's id is the component's attribute. */
    public void upload(FileUploadEvent event) {
        UUID lineId = (UUID) event.getComponent().getAttributes().get("lineId");
        try {
            var uploaded = receipts.upload(id, lineId, event.getFile().getFileName(), event.getFile().getContent());
            uploaded.warnings().forEach(this::warn);
            report = null;
            currentReceipts = null;
            FacesProblems.confirm("reports.receipt.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of());
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }

    public void submit() {
        try {
            version = submissions.submit(id, version).getVersion();
            report = null;
            FacesProblems.confirm("reports.submitted");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of());
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }

    public void withdraw() {
        try {
            version = submissions.withdraw(id, version).getVersion();
            report = null;
            FacesProblems.confirm("reports.withdrawn");
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }

    public String delete() {
        try {
            expenseReports.delete(id);
            return "/app/reports/index?faces-redirect=true";
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
            return null;
        }
    }

    public ExpenseReport getReport() {
        return id == null ? null : report();
    }

    public List<ExpenseLine> getLines() {
        return id == null ? List.of() : report().getLines();
    }

    public ReportTotals getTotals() {
        return ReportTotals.of(getLines());
    }

    /** One row of the subtotals per tax class, in the order of the tax classes. */
    public record SubtotalRow(TaxClass taxClass, long amountYen, long taxYen) {
    }

    public List<SubtotalRow> getSubtotals() {
        return getTotals().byTaxClass().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SubtotalRow(e.getKey(), e.getValue().amountYen(), e.getValue().taxYen())).toList();
    }

    public boolean isEditable() {
        return id == null || report().getStatus().isEditable();
    }

    public Receipt receiptOf(UUID lineId) {
        if (currentReceipts == null) {
            currentReceipts = id == null ? Map.of() : receipts.currentOf(id);
        }
        return currentReceipts.get(lineId);
    }

    public List<ExpenseCategory> getCategories() {
        if (categories == null) {
            categories = settings.activeCategories();
        }
        return categories;
    }

    public List<LabelDefinition> getLabelDefinitions() {
        return settings.labels();
    }

    /** The custom fields of the category chosen in the line dialog, in the order the page shows them. */
    public List<CustomField> getLineFields() {
        if (customFields == null) {
            customFields = settings.customFields();
        }
        return category().map(category -> customFields.stream().filter(f -> f.appliesTo(category)).toList())
                .orElse(List.of());
    }

    public boolean isTransport() {
        return category().map(c -> c.getKind() == CategoryKind.TRANSPORT).orElse(false);
    }

    public boolean isEntertainment() {
        return category().map(c -> c.getKind() == CategoryKind.ENTERTAINMENT).orElse(false);
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
        return foreign == null ? null : TaxCalculator.yen(foreign.amount(), foreign.rate(), rounding());
    }

    /** The tax the line will hold, as it is computed on saving. */
    public Long getLineTax() {
        Long yen = getLineYen();
        return yen == null || yen < 1 || line.getTaxClass() == null ? null
                : TaxCalculator.includedTax(yen, line.getTaxClass(), rounding());
    }

    private TaxRounding rounding() {
        return settings.policy().getTaxRounding();
    }

    private Optional<ExpenseCategory> category() {
        return line == null || line.getCategoryId() == null ? Optional.empty()
                : getCategories().stream().filter(c -> c.getId().equals(line.getCategoryId())).findFirst();
    }

    private ExpenseReport report() {
        if (report == null) {
            report = expenseReports.get(id);
        }
        return report;
    }

    private Map<String, String> headerFields() {
        Map<String, String> fields = new HashMap<>(Map.of("title", HEADER + "title", "purpose", HEADER + "purpose",
                "periodFrom", HEADER + "periodFrom", "periodTo", HEADER + "periodTo", "projectCode", HEADER + "project"));
        List<LabelDefinition> definitions = getLabelDefinitions();
        for (int i = 0; i < definitions.size(); i++) {
            String input = definitions.get(i).getAllowedValues().isEmpty() ? ":value" : ":choice";
            fields.put("labels." + definitions.get(i).getKey(), HEADER + "labels:" + i + input);
        }
        return fields;
    }

    private Map<String, String> lineFields() {
        Map<String, String> fields = new HashMap<>();
        for (String field : List.of("spentOn", "categoryId", "amountYen", "foreignAmount", "currency", "exchangeRate",
                "taxClass", "payee", "invoiceNumber", "description", "attendees", "routeFrom", "routeTo")) {
            fields.put(field, LINE + field);
        }
        List<CustomField> applicable = getLineFields();
        for (int i = 0; i < applicable.size(); i++) {
            String input = applicable.get(i).getType() == CustomField.Type.CHOICE ? ":choice" : ":value";
            fields.put("customFields." + applicable.get(i).getKey(), LINE + "customFields:" + i + input);
        }
        return fields;
    }

    private void warn(InputProblem warning) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Messages.text(warning, faces.getViewRoot().getLocale());
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, text));
    }

    private static Map<String, String> nonBlank(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public void setPeriodFrom(LocalDate periodFrom) {
        this.periodFrom = periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public void setPeriodTo(LocalDate periodTo) {
        this.periodTo = periodTo;
    }

    /** Projects a report may be charged to: the active ones, and the one it is charged to now. */
    public List<Project> getProjects() {
        if (projects == null) {
            projects = new ArrayList<>(settings.activeProjects());
            if (project != null && projects.stream().noneMatch(p -> p.getCode().equals(project))) {
                settings.project(project).ifPresent(projects::add);
            }
        }
        return projects;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public LineForm getLine() {
        return line;
    }
}
