package jp.sapphire.approval.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.actionlog.entity.ActionLogEntry;
import jp.sapphire.approval.control.Workflow;
import jp.sapphire.approval.entity.ApprovalReminder;
import jp.sapphire.approval.entity.ReportApprovalStep;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.notification.control.NotificationTexts;
import jp.sapphire.notification.control.Notifier;
import jp.sapphire.notification.entity.NotificationKind;
import jp.sapphire.organization.boundary.Departments;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.BankDays;

/**
 * Reminders of approvals that wait (docs/APPROVAL.md, "Reminders"), for the current tenant, run
 * once a day by {@link ReminderSchedule}. A step has waited since the report last moved to it (its
 * submission, the approval of the step before, or a send-back to it), counted in business days
 * (bank days: no weekends, national holidays or 31 December to 3 January) in the zone of the
 * member told. When it has waited the tenant's {@code reminder_days}:
 * <ul>
 *   <li>each member who may decide it gets one digest a day listing every such report, with a
 *       notification per report;</li>
 *   <li>the applicant is told once per step and round that it waits, and at whom;</li>
 *   <li>if the tenant set {@code escalation_days}, after that many more the approver's own manager
 *       (the manager of their department or, if that is the approver, of the department above) is
 *       told once — about the report, not given it.</li>
 * </ul>
 * Nothing is sent on a day that is not a business day for its recipient. What was sent is recorded
 * ({@link ApprovalReminder}), so a second run on the same day sends nothing again.
 */
@Stateless
public class ApprovalReminders {

    /** At most this many approvers are named when a role's holders may decide a step. */
    private static final int NAMED = 3;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Workflow workflow;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @EJB
    ExpenseSettings settings;

    @EJB
    Departments departments;

    /** What one tenant's run sent. */
    public record Sent(int digests, int stalled, int escalated) {
    }

    private record Waiting(ExpenseReport report, Member applicant, Instant since) {
    }

    /** The current tenant's reminders of today, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Sent remind() {
        ExpensePolicy policy = settings.policy();
        Instant now = clock.instant();
        Map<UUID, List<Waiting>> digests = new LinkedHashMap<>();
        Map<UUID, Department> hierarchy = policy.getEscalationDays() == null ? Map.of()
                : departments.all().stream().collect(Collectors.toMap(Department::getId, Function.identity()));
        int stalled = 0;
        int escalated = 0;
        for (ExpenseReport report : em.createQuery("SELECT r FROM ExpenseReport r WHERE r.status = :submitted"
                        + " ORDER BY r.submittedAt, r.id", ExpenseReport.class)
                .setParameter("submitted", ReportStatus.SUBMITTED).getResultList()) {
            ReportApprovalStep step = workflow.current(report);
            Waiting waiting = new Waiting(report, em.find(Member.class, report.getOwnerId()), waitingSince(report));
            List<Member> deciders = workflow.decidersOf(step, report.getOwnerId()).stream()
                    .map(id -> em.find(Member.class, id)).filter(m -> m != null && m.isActive()).toList();
            for (Member decider : deciders) {
                if (due(waiting.since(), now, decider, policy.getReminderDays())) {
                    digests.computeIfAbsent(decider.getId(), id -> new ArrayList<>()).add(waiting);
                }
            }
            String approvers = names(deciders);
            if (due(waiting.since(), now, waiting.applicant(), policy.getReminderDays())
                    && once(ApprovalReminder.Kind.STALLED, waiting.applicant().getId(), step, now)) {
                notifier.tell(NotificationKind.STALLED, report, List.of(report.getOwnerId()), approvers, step.getName());
                stalled++;
            }
            if (policy.getEscalationDays() != null && step.getApproverId() != null) {
                Optional<Member> manager = managerAbove(hierarchy, step.getApproverId(), report.getOwnerId());
                if (manager.isPresent()
                        && due(waiting.since(), now, manager.get(), policy.getReminderDays() + policy.getEscalationDays())
                        && once(ApprovalReminder.Kind.ESCALATED, manager.get().getId(), step, now)) {
                    notifier.tell(NotificationKind.ESCALATED, report, List.of(manager.get().getId()), approvers, step.getName());
                    escalated++;
                }
            }
        }
        int sent = 0;
        for (Map.Entry<UUID, List<Waiting>> digest : digests.entrySet()) {
            Member approver = em.find(Member.class, digest.getKey());
            LocalDate today = now.atZone(approver.getTimeZone()).toLocalDate();
            if (em.createNamedQuery(ApprovalReminder.DIGESTS_OF_DAY, Long.class).setParameter("recipient", approver.getId())
                    .setParameter("day", today).getSingleResult() > 0) {
                continue;
            }
            em.persist(ApprovalReminder.digest(approver.getId(), today, now));
            List<NotificationTexts.DigestItem> items = new ArrayList<>();
            for (Waiting waiting : digest.getValue()) {
                notifier.notifyOnly(approver.getId(), NotificationKind.REMINDER, waiting.report(),
                        waiting.applicant().getDisplayName());
                items.add(new NotificationTexts.DigestItem(waiting.report().getTitle(), waiting.applicant().getDisplayName(),
                        waiting.report().getTotalYen(), businessDays(waiting.since(), now, approver.getTimeZone()), waiting.since(),
                        notifier.link(NotificationKind.REMINDER, waiting.report().getId())));
            }
            notifier.mail(approver, NotificationTexts.digest(approver.getLocale(), approver.getTimeZone(), policy.getReminderDays(),
                    items, notifier.approvalsLink()));
            sent++;
        }
        return new Sent(sent, stalled, escalated);
    }

    /**
     * Business days from {@code since} to {@code now} in a zone: the bank days after the day it
     * began waiting, up to and including today.
     */
    public static int businessDays(Instant since, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        int days = 0;
        for (LocalDate day = since.atZone(zone).toLocalDate().plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (BankDays.isBankDay(day)) {
                days++;
            }
        }
        return days;
    }

    /** Whether a member is to be told today: a business day for them, after waiting {@code days} business days. */
    private static boolean due(Instant since, Instant now, Member member, int days) {
        ZoneId zone = member.getTimeZone();
        return BankDays.isBankDay(now.atZone(zone).toLocalDate()) && businessDays(since, now, zone) >= days;
    }

    /** Records that this is sent for the step; false if it already was. */
    private boolean once(ApprovalReminder.Kind kind, UUID recipient, ReportApprovalStep step, Instant now) {
        long sent = em.createNamedQuery(ApprovalReminder.OF_STEP, Long.class).setParameter("kind", kind)
                .setParameter("report", step.getReportId()).setParameter("round", step.getRound())
                .setParameter("step", step.getStepNo()).getSingleResult();
        if (sent > 0) {
            return false;
        }
        em.persist(ApprovalReminder.ofStep(kind, recipient, step, now));
        return true;
    }

    /** When the report last moved to the step it waits at. */
    private Instant waitingSince(ExpenseReport report) {
        return em.createQuery("SELECT a.occurredAt FROM ActionLogEntry a WHERE a.reportId = :report AND a.action IN :moves"
                        + " ORDER BY a.seq DESC", Instant.class)
                .setParameter("report", report.getId())
                .setParameter("moves", List.of(ReportAction.SUBMITTED, ReportAction.APPROVED, ReportAction.RETURNED))
                .setMaxResults(1).getResultStream().findFirst().orElse(report.getSubmittedAt());
    }

    /**
     * The approver's own manager: the manager of their department, or if that is the approver, of
     * the nearest department above with another manager; never the applicant.
     */
    private Optional<Member> managerAbove(Map<UUID, Department> departments, UUID approverId, UUID applicantId) {
        Member approver = em.find(Member.class, approverId);
        UUID at = approver == null ? null : approver.getDepartmentId();
        for (int depth = 0; at != null && depth < departments.size(); depth++) {
            Department department = departments.get(at);
            if (department == null) {
                break;
            }
            UUID manager = department.getManagerId();
            if (manager != null && !manager.equals(approverId) && !manager.equals(applicantId)) {
                return Optional.ofNullable(em.find(Member.class, manager)).filter(Member::isActive);
            }
            at = department.getParentId();
        }
        return Optional.empty();
    }

    private static String names(List<Member> deciders) {
        String named = deciders.stream().limit(NAMED).map(Member::getDisplayName).collect(Collectors.joining(", "));
        return deciders.size() > NAMED ? named + ", …" : named;
    }
}
