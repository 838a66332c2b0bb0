package jp.sapphire.approval.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.sapphire.actionlog.entity.ActionLogEntry;
import jp.sapphire.approval.control.Workflow;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.control.LineReceipts;
import jp.sapphire.expense.control.OwnReports;
import jp.sapphire.expense.control.ReportActed.Before;
import jp.sapphire.expense.control.ReportActed;
import jp.sapphire.expense.control.ReportChanges;
import jp.sapphire.expense.control.SubmitCompleteness;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;

/**
 * The applicant's side of the workflow: 申請 (submit) a complete report along the route that
 * applies to it now, and 取り下げ (withdraw) it before any approver has acted on it.
 */
@Stateless
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class Submissions {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    OwnReports reports;

    @EJB
    ExpenseSettings settings;

    @Inject
    LineReceipts receipts;

    @Inject
    Workflow workflow;

    @Inject
    Event<ReportActed> acted;

    @Inject
    Clock clock;

    /**
     * 申請: checks that the report is complete, resolves its approval route as it stands now (the
     * snapshot the report keeps until it is decided or comes back) and tells the first approvers.
     */
    public ExpenseReport submit(UUID id, Long version) {
        ExpenseReport report = reports.editable(id, version);
        List<InputProblem> problems = SubmitCompleteness.problems(report, settings.policy(), settings.customFields(),
                settings.policyRules(), line -> receipts.hasReceipts(line.getId()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Before before = Before.of(report);
        ReportChanges.move(report, ReportStatus.SUBMITTED, clock.instant());
        workflow.snapshot(report, report.getApprovalRound());
        acted.fire(ReportActed.of(report, ReportAction.SUBMITTED, before));
        workflow.tellDeciders(report);
        return report.loadContent();
    }

    /**
     * 取り下げ: takes back a submitted report before any approver has acted on it in this round;
     * it can be changed and submitted again.
     */
    public ExpenseReport withdraw(UUID id, Long version) {
        ExpenseReport report = reports.own(id);
        ReportChanges.checkVersion(report, version);
        if (report.getStatus() == ReportStatus.SUBMITTED && approverActed(report)) {
            throw new ConflictException("sapphire.report.withdraw.acted");
        }
        Before before = Before.of(report);
        ReportChanges.move(report, ReportStatus.WITHDRAWN, clock.instant());
        acted.fire(ReportActed.of(report, ReportAction.WITHDRAWN, before));
        return report.loadContent();
    }

    /** Whether anyone but the applicant approved, sent back or commented since the report was last submitted. */
    private boolean approverActed(ExpenseReport report) {
        return em.createNamedQuery(ActionLogEntry.OF_REPORT, ActionLogEntry.class)
                .setParameter("report", report.getId())
                .getResultStream()
                .anyMatch(entry -> entry.getAction().isApproverAction() && !entry.getOccurredAt().isBefore(report.getSubmittedAt())
                        && !report.getOwnerId().equals(entry.getActorId()));
    }
}
