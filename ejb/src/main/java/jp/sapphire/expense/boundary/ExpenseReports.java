package jp.sapphire.expense.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.expense.control.LineCheck.Checked;
import jp.sapphire.expense.control.LineCheck;
import jp.sapphire.expense.control.LineInvoices;
import jp.sapphire.expense.control.LineReceipts;
import jp.sapphire.expense.control.LineRules;
import jp.sapphire.expense.control.OwnReports;
import jp.sapphire.expense.control.PolicyCheck;
import jp.sapphire.expense.control.ReportActed.Before;
import jp.sapphire.expense.control.ReportActed;
import jp.sapphire.expense.control.ReportReaders;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseLineField;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.organization.entity.Project;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.Inputs;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Page;

/**
 * Expense reports (経費申請) of the calling member: draft, describe, add and change lines (submitting
 * and withdrawing are the approval workflow's, {@code approval.boundary.Submissions}). The
 * applicant changes only their own reports and only while they are editable; whoever else may read
 * one ({@link ReportReaders}) may read it too. Anything else the caller may not see is "not found",
 * whether it exists or not. Every change is told to the action log ({@link ReportActed}) in its own
 * transaction.
 */
@Stateless
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ExpenseReports {

    public static final int MAX_PAGE_SIZE = 100;
    /** The last page number a list answers: far beyond any tenant's reports, and never an offset that overflows. */
    public static final int MAX_PAGE = 100_000;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    @Inject
    Inputs inputs;

    @EJB
    ExpenseSettings settings;

    @Inject
    OwnReports reports;

    @Inject
    ReportReaders readers;

    @Inject
    LineReceipts receipts;

    @Inject
    LineInvoices invoices;

    @Inject
    Event<ReportActed> acted;

    @Inject
    MemberClock memberClock;

    @Inject
    Clock clock;

    public ExpenseReport create(ReportInput input) {
        SapphirePrincipal caller = signedIn.requireMember();
        Project project = checkReport(input, null);
        ExpenseReport report = new ExpenseReport(caller.memberId(), input.title().strip(), clock.instant());
        report.describe(input.title().strip(), strip(input.purpose()), input.periodFrom(), input.periodTo(), clock.instant());
        report.label(input.labels());
        report.chargeTo(project);
        em.persist(report);
        acted.fire(ReportActed.of(report, ReportAction.CREATED, Before.NOTHING));
        return report.loadContent();
    }

    /**
     * Changes title, purpose, period and labels of an editable report, if nobody changed it since
     * {@code version} (every method taking a version refuses a report changed since).
     */
    public ExpenseReport update(UUID id, Long version, ReportInput input) {
        ExpenseReport report = reports.editable(id, version);
        Project project = checkReport(input, report.getProject());
        for (ExpenseLine line : report.getLines()) {
            if (!LineRules.date(line.getSpentOn(), LocalDate.MAX, input.periodFrom(), input.periodTo()).isEmpty()) {
                throw new InvalidInputException(InputProblem.of("periodFrom", "sapphire.report.period.excludes-lines",
                        "line", line.getLineNo()));
            }
        }
        Before before = Before.of(report);
        report.describe(input.title().strip(), strip(input.purpose()), input.periodFrom(), input.periodTo(), clock.instant());
        report.label(input.labels());
        report.chargeTo(project);
        acted.fire(ReportActed.of(report, ReportAction.UPDATED, before));
        return report.loadContent();
    }

    /** Deletes a report that was never submitted. */
    public void delete(UUID id) {
        ExpenseReport report = reports.own(id);
        if (report.getStatus() != ReportStatus.DRAFT || report.getSubmittedAt() != null) {
            throw new ConflictException("sapphire.report.delete.submitted");
        }
        acted.fire(ReportActed.of(report, ReportAction.DELETED, Before.of(report)));
        em.remove(report);
    }

    /** The report, if the caller may see it. */
    public ExpenseReport get(UUID id) {
        ExpenseReport report = em.find(ExpenseReport.class, id);
        if (report == null || !readers.mayRead(report)) {
            throw new NotFoundException("report");
        }
        return report.loadContent();
    }

    public Page<ExpenseReport> mine(ReportFilter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNo = Math.max(0, Math.min(page, MAX_PAGE));
        String where = " WHERE r.ownerId = :owner"
                + (filter.status() == null ? "" : " AND r.status = :status")
                + (filter.createdFrom() == null ? "" : " AND r.createdAt >= :from")
                + (filter.createdTo() == null ? "" : " AND r.createdAt < :to");
        TypedQuery<Object[]> items = em.createQuery("SELECT r, " + Page.TOTAL + " FROM ExpenseReport r" + where
                + " ORDER BY r.createdAt DESC, r.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM ExpenseReport r" + where, Long.class);
        for (TypedQuery<?> query : List.of(items, count)) {
            query.setParameter("owner", signedIn.requireMember().memberId());
            if (filter.status() != null) {
                query.setParameter("status", filter.status());
            }
            if (filter.createdFrom() != null) {
                query.setParameter("from", filter.createdFrom());
            }
            if (filter.createdTo() != null) {
                query.setParameter("to", filter.createdTo());
            }
        }
        return Page.of(items.setFirstResult(pageNo * pageSize).setMaxResults(pageSize).getResultList(), 1,
                row -> (ExpenseReport) row[0], count::getSingleResult, pageNo, pageSize);
    }


    public LineSaved addLine(UUID reportId, Long version, LineInput input) {
        ExpenseReport report = reports.editable(reportId, version);
        Masters masters = masters();
        Checked checked = check(report, input, masters);
        ExpenseLine line = report.addLine();
        return save(report, line, checked, ReportAction.LINE_ADDED, masters);
    }

    public LineSaved updateLine(UUID reportId, Long version, UUID lineId, LineInput input) {
        ExpenseReport report = reports.editable(reportId, version);
        ExpenseLine line = report.line(lineId).orElseThrow(() -> new NotFoundException("line"));
        Masters masters = masters();
        return save(report, line, check(report, input, masters), ReportAction.LINE_CHANGED, masters);
    }

    public ExpenseReport removeLine(UUID reportId, Long version, UUID lineId) {
        ExpenseReport report = reports.editable(reportId, version);
        ExpenseLine line = report.line(lineId).orElseThrow(() -> new NotFoundException("line"));
        if (report.getSubmittedAt() != null && receipts.hasReceipts(line.getId())) {
            throw new ConflictException("sapphire.line.delete.has-receipts");
        }
        Before before = Before.of(report);
        report.removeLine(line);
        report.recalculate(clock.instant());
        acted.fire(ReportActed.onLine(report, ReportAction.LINE_REMOVED, before, line.getId(), null));
        return report.loadContent();
    }

    /** The tenant's custom fields, policy and policy rules, read once for one line's rules and its saving. */
    private record Masters(List<CustomField> fields, ExpensePolicy policy, List<PolicyRule> rules) {
    }

    private Masters masters() {
        return new Masters(settings.customFields(), settings.policy(), settings.policyRules());
    }

    /** Every rule of a line, before anything is changed. */
    private Checked check(ExpenseReport report, LineInput input, Masters masters) {
        ExpenseCategory category = input.categoryId() == null ? null
                : Optional.ofNullable(em.find(ExpenseCategory.class, input.categoryId())).filter(ExpenseCategory::isActive)
                        .orElse(null);
        return LineCheck.check(input, inputs.problemsOf(input), category, masters.fields(), masters.policy(),
                masters.rules(), memberClock.today(), report.getPeriodFrom(), report.getPeriodTo());
    }

    private LineSaved save(ExpenseReport report, ExpenseLine line, Checked checked, ReportAction action, Masters masters) {
        LineInput input = checked.input();
        Before before = Before.of(report);
        line.describe(input.spentOn(), checked.category(), checked.amountYen(), checked.foreign(), checked.taxClass(),
                checked.taxYen(), input.payee().strip(), input.invoiceNumber(), strip(input.description()),
                strip(input.attendees()), strip(input.routeFrom()), strip(input.routeTo()), input.roundTrip());
        line.measure(input.nights(), input.tripDays(), input.attendeeCount(), input.isOverseas(), input.policyReason());
        List<ExpenseLineField> values = new ArrayList<>();
        for (CustomField field : masters.fields()) {
            String value = input.customFields().get(field.getKey());
            if (field.appliesTo(checked.category()) && value != null && !value.isBlank()) {
                values.add(line.fieldValue(field, value.strip()));
            }
        }
        line.setFieldValues(values);
        report.recalculate(clock.instant());
        em.flush();
        // Accounting's word on the invoice status answered the line as it was.
        Optional.ofNullable(invoices.override(line.getId())).ifPresent(em::remove);
        List<InputProblem> warnings = new ArrayList<>(duplicates(line, masters.policy()));
        PolicyCheck.breaches(masters.rules(), PolicyCheck.Facts.of(line)).forEach(breach -> warnings.add(breach.problem("amountYen")));
        acted.fire(ReportActed.onLine(report, action, before, line.getId(), null));
        report.loadContent();
        return new LineSaved(line, warnings);
    }

    /** The same date, amount and payee elsewhere in the tenant: a warning, or a refusal if the tenant says so. */
    private List<InputProblem> duplicates(ExpenseLine line, ExpensePolicy policy) {
        long similar = em.createQuery("SELECT COUNT(l) FROM ExpenseLine l WHERE l.spentOn = :date AND l.amountYen = :amount"
                        + " AND LOWER(TRIM(l.payee)) = :payee AND l.id <> :self", Long.class)
                .setParameter("date", line.getSpentOn())
                .setParameter("amount", line.getAmountYen())
                .setParameter("payee", line.getPayee().strip().toLowerCase())
                .setParameter("self", line.getId())
                .getSingleResult();
        return LineCheck.duplicates(similar, policy);
    }

    /**
     * Checks what the applicant said; answers the project it names: an active one, or the one the
     * report is already charged to even if it has been retired since.
     */
    private Project checkReport(ReportInput input, Project current) {
        List<InputProblem> problems = new ArrayList<>(inputs.problemsOf(input));
        if (input.periodFrom() != null && input.periodTo() != null && input.periodFrom().isAfter(input.periodTo())) {
            problems.add(InputProblem.of("periodTo", "sapphire.report.period.order"));
        }
        problems.addAll(LineRules.labels(settings.labels(), input.labels()));
        Project project = input.projectCode() == null ? null : settings.project(input.projectCode())
                .filter(found -> found.isActive() || found.equals(current)).orElse(null);
        if (input.projectCode() != null && project == null) {
            problems.add(InputProblem.of("projectCode", "sapphire.report.project.unknown", "code", input.projectCode()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return project;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
