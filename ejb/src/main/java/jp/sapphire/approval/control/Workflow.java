package jp.sapphire.approval.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.approval.entity.ApprovalRoute;
import jp.sapphire.approval.entity.ReportApprovalStep;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.notification.control.Notifier;
import jp.sapphire.notification.entity.NotificationKind;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.ConflictException;

/**
 * The route of a report in flight: resolving it at submission into a snapshot of steps, the step
 * that waits, the members who may decide it, and telling them.
 */
@ApplicationScoped
public class Workflow {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    ReportAccess access;

    @Inject
    MemberClock memberClock;

    @Inject
    Notifier notifier;

    /**
     * Resolves the tenant's routes for the report as it is now and records the steps as the
     * report's snapshot for the round it is entering ({@code round}); refuses if no route resolves.
     */
    public List<ReportApprovalStep> snapshot(ExpenseReport report, int round) {
        Set<String> codes = report.getLines().stream().map(ExpenseLine::getCategory).map(c -> c.getCode())
                .collect(Collectors.toSet());
        RouteResolver.Resolution resolution = resolve(em.find(Member.class, report.getOwnerId()), report.getTotalYen(),
                codes, memberClock.today());
        List<ReportApprovalStep> steps = new ArrayList<>();
        for (RouteResolver.ResolvedStep step : resolution.steps()) {
            ReportApprovalStep snapshot = new ReportApprovalStep(report.getId(), round, step.stepNo(), step.name(),
                    resolution.route().getName(), step.kind(), step.approverId(), step.role());
            em.persist(snapshot);
            steps.add(snapshot);
        }
        return steps;
    }

    /**
     * The route and approvers a report of this applicant, total and categories would get if
     * submitted on {@code day}, with the tenant's routes and departments as they are now; refuses
     * (as a submission would) when none resolves.
     */
    public RouteResolver.Resolution resolve(Member applicant, long totalYen, Set<String> categoryCodes, LocalDate day) {
        Map<UUID, Department> departments = em.createQuery("SELECT d FROM Department d", Department.class)
                .getResultStream().collect(Collectors.toMap(Department::getId, Function.identity()));
        List<ApprovalRoute> routes = em.createQuery("SELECT r FROM ApprovalRoute r", ApprovalRoute.class).getResultList();
        var submission = new RouteResolver.Submission(applicant.getId(), applicant.getDepartmentId(), totalYen,
                categoryCodes, day);
        return new RouteResolver(departments).resolve(routes, submission);
    }

    /** The steps of the report's current round, in order. */
    public List<ReportApprovalStep> steps(ExpenseReport report) {
        return em.createNamedQuery(ReportApprovalStep.OF_REPORT, ReportApprovalStep.class)
                .setParameter("report", report.getId())
                .getResultStream()
                .filter(step -> step.getRound() == report.getApprovalRound())
                .toList();
    }

    /** The step awaiting a decision; the report must be in approval. */
    public ReportApprovalStep current(ExpenseReport report) {
        return steps(report).stream()
                .filter(step -> report.getCurrentStep() != null && step.getStepNo() == report.getCurrentStep())
                .findFirst()
                .orElseThrow(() -> new ConflictException("sapphire.approval.not-pending",
                        Map.of("status", report.getStatus().name())));
    }

    /**
     * Who may decide a step: its approver and their deputies of today, or the members who held
     * its role at their last sign-in; never the applicant.
     */
    public List<UUID> decidersOf(ReportApprovalStep step, UUID applicant) {
        List<UUID> people = new ArrayList<>();
        if (step.getApproverId() != null) {
            people.add(step.getApproverId());
            people.addAll(access.deputiesOf(step.getApproverId()));
        } else {
            em.createQuery("SELECT m FROM Member m WHERE m.active = true AND m.roles LIKE :role", Member.class)
                    .setParameter("role", "%" + step.getRole().name() + "%")
                    .getResultStream()
                    .filter(member -> member.getRoles().contains(step.getRole()))
                    .forEach(member -> people.add(member.getId()));
        }
        people.remove(applicant);
        return people;
    }

    /** Tells whoever may decide the step that now waits. */
    public void tellDeciders(ExpenseReport report) {
        notifier.tell(NotificationKind.PENDING, report, decidersOf(current(report), report.getOwnerId()), null);
    }
}
