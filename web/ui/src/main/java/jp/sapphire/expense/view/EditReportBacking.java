package jp.sapphire.expense.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.approval.boundary.Submissions;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.boundary.ReportInput;
import jp.sapphire.expense.control.InvoiceRules.Treatment;
import jp.sapphire.expense.control.PolicyCheck.Breach;
import jp.sapphire.expense.control.InvoiceRules;
import jp.sapphire.expense.control.ReportTotals;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.LabelDefinition;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.organization.entity.Project;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;
import jp.sapphire.receipt.boundary.ReportViews;
import jp.sapphire.receipt.entity.Receipt;

/**
 * {@code /app/reports/edit.xhtml}: one report — a new one without {@code id} — with its header,
 * lines, receipts, live totals per tax rate, and submit / withdraw / delete. The line dialog is
 * {@link LineDialogBacking}, the receipt dropped on a line {@link ReceiptUploadBacking}; both work
 * on this report and tell it when it changed. The report is read when the view opens and again
 * after each change, never while the page renders. One boundary call per action; what the
 * boundary refuses is shown next to the field it concerns.
 */
@Named("editReport")
@ViewScoped
@ReadAgainAfterMove
public class EditReportBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;
    private static final String HEADER = "report:";

    @EJB
    ExpenseReports expenseReports;

    @EJB
    Submissions submissions;

    @EJB
    ExpenseSettings settings;

    @EJB
    ReportViews views;

    private UUID id;
    private long version;
    private String title;
    private String purpose;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String project;

    private transient ExpenseReport report;
    private transient Map<UUID, Receipt> currentReceipts;
    private transient Map<UUID, Treatment> treatments;
    private transient Map<UUID, List<Breach>> breaches;
    private transient List<LabelDefinition> labelDefinitions;
    private transient List<Project> projects;

    /** The labels a report carries, read once for the view. */
    @PostConstruct
    void lookups() {
        labelDefinitions = settings.labels();
    }

    /** f:viewAction: loads the report named by the {@code id} parameter, or starts a new one. */
    public void load() {
        if (id != null) {
            try {
                show(views.view(id));
                version = report.getVersion();
                title = report.getTitle();
                purpose = report.getPurpose();
                periodFrom = report.getPeriodFrom();
                periodTo = report.getPeriodTo();
                labels.clear();
                labels.putAll(report.getLabels());
                project = report.getProject() == null ? null : report.getProject().getCode();
            } catch (NotFoundException notFound) {
                FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
                id = null;
                FacesProblems.general("sapphire.report.not-found");
            }
        }
        projects = chargeable();
    }

    /** What the view shows, read again: the session came from another server without it (docs/SCALING.md). */
    @Override
    public void reread() {
        labelDefinitions = settings.labels();
        projects = chargeable();
        if (id != null) {
            show(views.view(id));
        }
    }

    /** Projects a report may be charged to: the active ones, and the one it is charged to now. */
    private List<Project> chargeable() {
        List<Project> offered = new ArrayList<>(settings.activeProjects());
        if (project != null && offered.stream().noneMatch(p -> p.getCode().equals(project))) {
            settings.project(project).ifPresent(offered::add);
        }
        return offered;
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

    public void removeLine(UUID lineId) {
        try {
            changed(expenseReports.removeLine(id, version, lineId).getVersion());
            FacesProblems.confirm("reports.line.removed");
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }

    public void submit() {
        try {
            changed(submissions.submit(id, version).getVersion());
            FacesProblems.confirm("reports.submitted");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of());
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }

    public void withdraw() {
        try {
            changed(submissions.withdraw(id, version).getVersion());
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

    /** The report changed to {@code newVersion} (a line saved or removed, submitted, withdrawn): read again. */
    public void changed(long newVersion) {
        version = newVersion;
        show(views.view(id));
    }

    /** A receipt was stored on a line: the report and its receipts are read again for the page. */
    public void receiptChanged() {
        show(views.view(id));
    }

    private void show(ReportViews.View view) {
        report = view.report();
        treatments = view.invoices();
        breaches = view.breaches();
        currentReceipts = view.receipts();
    }

    public ExpenseReport getReport() {
        return id == null ? null : report;
    }

    public List<ExpenseLine> getLines() {
        return id == null ? List.of() : report.getLines();
    }

    /** A line's invoice status (インボイス区分) and deductible tax. */
    /** The policy rules the line goes beyond (none for most lines). */
    public List<Breach> breachesOf(UUID lineId) {
        return breaches == null ? List.of() : breaches.getOrDefault(lineId, List.of());
    }

    public Treatment invoiceOf(UUID lineId) {
        return treatments == null ? null : treatments.get(lineId);
    }

    /** The tax the company may deduct from the whole report. */
    public long getDeductibleTaxYen() {
        return treatments == null ? 0 : InvoiceRules.deductibleTaxYen(treatments.values());
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
        return id == null || report.getStatus().isEditable();
    }

    public Receipt receiptOf(UUID lineId) {
        return currentReceipts == null ? null : currentReceipts.get(lineId);
    }

    public List<LabelDefinition> getLabelDefinitions() {
        return labelDefinitions;
    }

    private Map<String, String> headerFields() {
        Map<String, String> fields = new HashMap<>(Map.of("title", HEADER + "title", "purpose", HEADER + "purpose",
                "periodFrom", HEADER + "periodFrom", "periodTo", HEADER + "periodTo",
                "projectCode", HEADER + "project"));
        for (int i = 0; i < labelDefinitions.size(); i++) {
            String input = labelDefinitions.get(i).getAllowedValues().isEmpty() ? ":value" : ":choice";
            fields.put("labels." + labelDefinitions.get(i).getKey(), HEADER + "labels:" + i + input);
        }
        return fields;
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

    /** The version the page shows, which every change of the report is checked against. */
    public long getVersion() {
        return version;
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

    public List<Project> getProjects() {
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
}
