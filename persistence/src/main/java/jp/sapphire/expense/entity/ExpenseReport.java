package jp.sapphire.expense.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.organization.entity.Project;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * An expense report (経費申請) filed by one member: title, purpose, period, labels and lines. The
 * report is the aggregate: lines are added, changed and removed through it, and its total is
 * the sum of its lines at every moment. Its state moves only along {@link ReportStatus}'s table.
 */
@Entity
@Table(name = "expense_report")
@NamedQuery(name = ExpenseReport.BY_OWNER,
        query = "SELECT r FROM ExpenseReport r WHERE r.ownerId = :owner ORDER BY r.createdAt DESC")
public class ExpenseReport extends TenantOwned {

    public static final String BY_OWNER = "ExpenseReport.byOwner";

    @Column(name = "owner_id")
    private UUID ownerId;

    private String title;

    private String purpose;

    @Column(name = "period_from")
    private LocalDate periodFrom;

    @Column(name = "period_to")
    private LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    private ReportStatus status = ReportStatus.DRAFT;

    @Column(name = "total_yen")
    private long totalYen;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** How many times the report has been submitted: the round of its current route snapshot. */
    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "approval_round")
    private int approvalRound;

    /** The step of the route awaiting a decision, while SUBMITTED. */
    @Column(name = "current_step")
    private Integer currentStep;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<ExpenseLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ExpenseReportLabel> labels = new ArrayList<>();

    /** The project or cost centre the report is charged to, if any. */
    @ManyToOne
    @JoinColumn(name = "project_id")
    private Project project;

    @Version
    private long version;

    protected ExpenseReport() {
    }

    public ExpenseReport(UUID ownerId, String title, Instant now) {
        this.ownerId = ownerId;
        this.title = title;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(String title, String purpose, LocalDate periodFrom, LocalDate periodTo, Instant now) {
        this.title = title;
        this.purpose = purpose;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.updatedAt = now;
    }

    public Project getProject() {
        return project;
    }

    public void chargeTo(Project project) {
        this.project = project;
    }

    /** Replaces the labels with these, in this order. */
    public void label(Map<String, String> values) {
        labels.removeIf(label -> !values.containsKey(label.getKey()) || !values.get(label.getKey()).equals(label.getValue()));
        values.forEach((key, value) -> {
            if (labels.stream().noneMatch(label -> label.getKey().equals(key))) {
                labels.add(new ExpenseReportLabel(this, key, value));
            }
        });
    }

    /** A new line at the end; describe it, then {@link #recalculate}. */
    public ExpenseLine addLine() {
        ExpenseLine line = new ExpenseLine(this, lines.size() + 1);
        lines.add(line);
        return line;
    }

    public Optional<ExpenseLine> line(UUID id) {
        return lines.stream().filter(line -> line.getId().equals(id)).findFirst();
    }

    public void removeLine(ExpenseLine line) {
        lines.remove(line);
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).renumber(i + 1);
        }
    }

    /** Brings the total back in line with the lines, after any change to them. */
    public void recalculate(Instant now) {
        totalYen = lines.stream().mapToLong(ExpenseLine::getAmountYen).sum();
        updatedAt = now;
    }

    /** The current step approved: on to the next one, or approved when it was the last of {@code steps}. */
    public void approveStep(int steps, Instant now) {
        if (currentStep == null || currentStep >= steps) {
            moveTo(ReportStatus.APPROVED, now);
        } else {
            requireStatus(ReportStatus.SUBMITTED);
            currentStep++;
            updatedAt = now;
        }
    }

    /** 差し戻し to an earlier step, which decides again. */
    public void returnToStep(int step, Instant now) {
        requireStatus(ReportStatus.SUBMITTED);
        if (step < 1 || step >= currentStep) {
            throw new IllegalArgumentException("Step " + step + " is not before step " + currentStep);
        }
        currentStep = step;
        updatedAt = now;
    }

    /**
     * Moves the report to its next state, or refuses if the table of states does not allow it.
     * Submitting starts a new round of approval at its first step.
     */
    public void moveTo(ReportStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        status = next;
        updatedAt = now;
        if (next == ReportStatus.APPROVED) {
            approvedAt = now;
        }
        if (next == ReportStatus.PAID) {
            paidAt = now;
        }
        if (next == ReportStatus.SUBMITTED) {
            submittedAt = now;
            approvalRound++;
            currentStep = 1;
        } else {
            currentStep = null;
        }
    }

    private void requireStatus(ReportStatus required) {
        if (status != required) {
            throw new IllegalTransitionException(status, status);
        }
    }

    /**
     * Reads lines, their custom values and labels now, while the transaction (and with it the
     * tenant) is there: lazy loading after it would run without a tenant and find nothing. Every
     * boundary that hands a report out calls this.
     */
    public ExpenseReport loadContent() {
        labels.size();
        lines.forEach(line -> line.getFields().forEach(value -> value.getField().getKey()));
        return this;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public String getTitle() {
        return title;
    }

    public String getPurpose() {
        return purpose;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public long getTotalYen() {
        return totalYen;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    /** When the report's last step approved it; {@code null} before. */
    public Instant getApprovedAt() {
        return approvedAt;
    }

    /** When accounting marked the report paid (with its batch or alone); null until then. */
    public Instant getPaidAt() {
        return paidAt;
    }

    public int getApprovalRound() {
        return approvalRound;
    }

    /** The step awaiting a decision while SUBMITTED, else {@code null}. */
    public Integer getCurrentStep() {
        return currentStep;
    }

    public List<ExpenseLine> getLines() {
        return List.copyOf(lines);
    }

    public Map<String, String> getLabels() {
        Map<String, String> byKey = new LinkedHashMap<>();
        labels.forEach(label -> byKey.put(label.getKey(), label.getValue()));
        return byKey;
    }

    public long getVersion() {
        return version;
    }
}
