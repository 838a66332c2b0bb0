package jp.sapphire.approval.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.approval.control.PaymentHold;
import jp.sapphire.approval.control.ReportAccess;
import jp.sapphire.approval.control.Workflow;
import jp.sapphire.approval.entity.ReportApprovalStep;
import jp.sapphire.expense.control.ReportActed.Before;
import jp.sapphire.expense.control.ReportActed;
import jp.sapphire.expense.control.ReportChanges;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.control.MemberNames;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.notification.control.Notifier;
import jp.sapphire.notification.entity.NotificationKind;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Like;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.platform.control.Page;
import jp.sapphire.platform.control.Refusal;

/**
 * What approvers (承認者) do: see the reports waiting for them — as the step's approver, as a
 * deputy, or as a holder of the step's role — and approve, send back (差し戻し) to the applicant
 * or to an earlier step, reject (却下), comment on a line; accounting marks approved reports paid.
 * Every decision is checked against the report's version, logged in its transaction and told to
 * whoever is next. Nobody decides on their own report.
 */
@Stateless
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class Approvals {

    public static final int MAX_COMMENT = 2000;

    /** A report waiting for the caller, at the step that waits; {@code onBehalfOf} if the caller is a deputy. */
    public record Pending(ExpenseReport report, ReportApprovalStep step, String applicantName, UUID onBehalfOf) {
    }

    /** Narrows the inbox; every part is optional. Dates are days in the caller's time zone. */
    public record PendingFilter(String applicant, LocalDate submittedFrom, LocalDate submittedTo, Long minTotalYen) {

        public static PendingFilter none() {
            return new PendingFilter(null, null, null, null);
        }
    }

    /** A step of a report's current round, for showing the route. */
    public record RouteStep(int stepNo, String name, String approverName, Role role, boolean current) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    ReportAccess access;

    @Inject
    Workflow workflow;

    @Inject
    Event<ReportActed> acted;

    @Inject
    Notifier notifier;

    @Inject
    MemberClock memberClock;

    @Inject
    MemberNames names;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    PaymentHold paymentHold;

    /** How many reports one look at the inbox shows at most (a page of the API shows fewer). */
    public static final int MAX_INBOX = 200;

    /** The reports waiting for the caller's decision, oldest submission first: the first {@link #MAX_INBOX}. */
    public List<Pending> pending(PendingFilter filter) {
        return pending(filter, 0, MAX_INBOX).items();
    }

    /** One page of the reports waiting for the caller's decision, oldest submission first, with how many there are. */
    public Page<Pending> pending(PendingFilter filter, int page, int size) {
        UUID me = access.me();
        Waiting waiting = waiting(filter, me);
        TypedQuery<Object[]> query = em.createQuery("SELECT r, s, m, " + Page.TOTAL + " FROM ExpenseReport r, ReportApprovalStep s,"
                + " Member m" + waiting.where() + " ORDER BY r.submittedAt, r.id", Object[].class);
        waiting.parameters().forEach(query::setParameter);
        int pageNo = Math.max(0, Math.min(page, 100_000));
        int pageSize = Math.max(1, Math.min(size, MAX_INBOX));
        return Page.of(query.setFirstResult(pageNo * pageSize).setMaxResults(pageSize).getResultList(), 3, row -> {
            ReportApprovalStep step = (ReportApprovalStep) row[1];
            UUID onBehalfOf = step.getApproverId() != null && !step.getApproverId().equals(me) ? step.getApproverId() : null;
            return new Pending((ExpenseReport) row[0], step, ((Member) row[2]).getDisplayName(), onBehalfOf);
        }, () -> countOf(waiting), pageNo, pageSize);
    }

    /** How many reports wait for the caller's decision (the badge on every page), counted by the database. */
    public long countPending() {
        return countOf(waiting(PendingFilter.none(), access.me()));
    }

    private long countOf(Waiting waiting) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM ExpenseReport r, ReportApprovalStep s, Member m"
                + waiting.where(), Long.class);
        waiting.parameters().forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** The condition of "waiting for the caller's decision", with the filter's. */
    private record Waiting(String where, Map<String, Object> parameters) {
    }

    private Waiting waiting(PendingFilter filter, UUID me) {
        Set<Role> roles = access.roles();
        ZoneId zone = memberClock.zone();
        StringBuilder where = new StringBuilder(" WHERE s.reportId = r.id AND s.round = r.approvalRound"
                + " AND s.stepNo = r.currentStep AND m.id = r.ownerId AND r.status = :submitted AND r.ownerId <> :me"
                + " AND (s.approverId IN :people" + (roles.isEmpty() ? ")" : " OR s.role IN :roles)"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("submitted", ReportStatus.SUBMITTED);
        parameters.put("me", me);
        parameters.put("people", access.actingFor());
        if (!roles.isEmpty()) {
            parameters.put("roles", roles);
        }
        if (filter.applicant() != null && !filter.applicant().isBlank()) {
            where.append(" AND LOWER(m.displayName) LIKE :applicant ESCAPE '\\'");
            parameters.put("applicant", Like.containing(filter.applicant()));
        }
        if (filter.submittedFrom() != null) {
            where.append(" AND r.submittedAt >= :from");
            parameters.put("from", filter.submittedFrom().atStartOfDay(zone).toInstant());
        }
        if (filter.submittedTo() != null) {
            where.append(" AND r.submittedAt < :to");
            parameters.put("to", filter.submittedTo().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.minTotalYen() != null) {
            where.append(" AND r.totalYen >= :min");
            parameters.put("min", filter.minTotalYen());
        }
        return new Waiting(where.toString(), parameters);
    }

    /** 承認: the step that waits is approved; the report goes on to the next step, or is approved. */
    public ExpenseReport approve(UUID id, Long version, String comment) {
        ExpenseReport report = pendingFor(id, version);
        UUID onBehalfOf = actingFor(report);
        String text = comment(comment, false);
        Before before = Before.of(report);
        report.approveStep(workflow.steps(report).size(), clock.instant());
        acted.fire(new ReportActed(report, ReportAction.APPROVED, before, onBehalfOf, null, text, null));
        if (report.getStatus() == ReportStatus.SUBMITTED) {
            workflow.tellDeciders(report);
        } else {
            notifier.tell(NotificationKind.APPROVED, report, List.of(report.getOwnerId()), text);
        }
        return report.loadContent();
    }

    /**
     * 差し戻し with a reason: to the applicant ({@code toStep} null), who may change the report
     * and submit it again, or to an earlier step of the route, which decides again.
     */
    public ExpenseReport sendBack(UUID id, Long version, String comment, Integer toStep) {
        ExpenseReport report = pendingFor(id, version);
        UUID onBehalfOf = actingFor(report);
        String text = comment(comment, true);
        if (toStep != null && (toStep < 1 || toStep >= report.getCurrentStep())) {
            throw new InvalidInputException(InputProblem.of("toStep", "sapphire.approval.return.step",
                    "step", report.getCurrentStep()));
        }
        Before before = Before.of(report);
        if (toStep == null) {
            ReportChanges.move(report, ReportStatus.RETURNED, clock.instant());
        } else {
            report.returnToStep(toStep, clock.instant());
        }
        acted.fire(new ReportActed(report, ReportAction.RETURNED, before, onBehalfOf, null, text, null));
        if (toStep == null) {
            notifier.tell(NotificationKind.RETURNED, report, List.of(report.getOwnerId()), text);
        } else {
            workflow.tellDeciders(report);
        }
        return report.loadContent();
    }

    /** 却下 with a reason: final. */
    public ExpenseReport reject(UUID id, Long version, String comment) {
        ExpenseReport report = pendingFor(id, version);
        UUID onBehalfOf = actingFor(report);
        String text = comment(comment, true);
        Before before = Before.of(report);
        ReportChanges.move(report, ReportStatus.REJECTED, clock.instant());
        acted.fire(new ReportActed(report, ReportAction.REJECTED, before, onBehalfOf, null, text, null));
        notifier.tell(NotificationKind.REJECTED, report, List.of(report.getOwnerId()), text);
        return report.loadContent();
    }

    /** A comment on one line, by anyone who may read the report; the applicant is told of others' comments. */
    public ExpenseReport commentOnLine(UUID id, UUID lineId, String comment) {
        ExpenseReport report = readable(id);
        report.line(lineId).orElseThrow(() -> new NotFoundException("line"));
        String text = comment(comment, true);
        acted.fire(ReportActed.onLine(report, ReportAction.COMMENTED, Before.of(report), lineId, text));
        if (!report.getOwnerId().equals(access.me())) {
            notifier.tell(NotificationKind.COMMENTED, report, List.of(report.getOwnerId()), text);
        }
        return report.loadContent();
    }

    /**
     * 支払済: accounting marks an approved report paid — one paid outside SAPPHIRE's transfer files,
     * or each report of a payment batch when the batch is paid. A report an open batch holds is
     * paid with its batch only.
     */
    public ExpenseReport markPaid(UUID id, Long version) {
        ExpenseReport report = readable(id);
        ReportChanges.checkVersion(report, version);
        if (!access.roles().contains(Role.ACCOUNTING)) {
            throw new NotPermittedException("sapphire.approval.pay.accounting-only");
        }
        if (report.getOwnerId().equals(access.me())) {
            throw new NotPermittedException("sapphire.approval.pay.own-report");
        }
        if (paymentHold.holds(id)) {
            throw new ConflictException("sapphire.approval.pay.in-batch");
        }
        Before before = Before.of(report);
        ReportChanges.move(report, ReportStatus.PAID, clock.instant());
        acted.fire(ReportActed.of(report, ReportAction.PAID, before));
        notifier.tell(NotificationKind.PAID, report, List.of(report.getOwnerId()), null);
        return report.loadContent();
    }

    /**
     * 一括承認: approves each report in a transaction of its own; a report that cannot be approved
     * (changed meanwhile, no longer the caller's step) is left as it is and named in the outcome
     * with the reason, as a message key. The others are approved regardless.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<UUID, Refusal> approveAll(List<UUID> ids) {
        Approvals self = session.getBusinessObject(Approvals.class);
        Map<UUID, Refusal> refused = new LinkedHashMap<>();
        for (UUID id : ids) {
            try {
                self.approveOne(id);
            } catch (Refusal refusal) {
                refused.put(id, refusal);
            } catch (NotFoundException notFound) {
                refused.put(id, new ConflictException("sapphire.report.not-found"));
            }
        }
        return refused;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void approveOne(UUID id) {
        approve(id, null, null);
    }

    /** The steps of the report's current round (or its last round), with their approvers' names. */
    public List<RouteStep> route(UUID id) {
        ExpenseReport report = readable(id);
        List<ReportApprovalStep> steps = workflow.steps(report);
        // A step of a role (accounting, say) names no member.
        Map<UUID, String> approverNames = names.of(steps.stream().map(ReportApprovalStep::getApproverId)
                .filter(Objects::nonNull).toList());
        List<RouteStep> route = new ArrayList<>();
        for (ReportApprovalStep step : steps) {
            String approver = step.getApproverId() == null ? null : approverNames.get(step.getApproverId());
            route.add(new RouteStep(step.getStepNo(), step.getName(), approver, step.getRole(),
                    report.getCurrentStep() != null && report.getCurrentStep() == step.getStepNo()));
        }
        return route;
    }

    /** Whether the caller may decide the step that waits on this report now. */
    public boolean mayDecide(UUID id) {
        try {
            actingFor(pendingFor(id, null));
            return true;
        } catch (Refusal | NotFoundException cannot) {
            return false;
        }
    }

    private ExpenseReport readable(UUID id) {
        ExpenseReport report = em.find(ExpenseReport.class, id);
        if (report == null || !access.mayRead(report)) {
            throw new NotFoundException("report");
        }
        return report;
    }

    private ExpenseReport pendingFor(UUID id, Long version) {
        ExpenseReport report = readable(id);
        ReportChanges.checkVersion(report, version);
        if (report.getStatus() != ReportStatus.SUBMITTED) {
            throw new ConflictException("sapphire.approval.not-pending", Map.of("status", report.getStatus().name()));
        }
        return report;
    }

    /**
     * Who the caller acts for on the step that waits: {@code null} for themselves (the step's
     * approver, or a holder of its role), the approver if the caller is their deputy today.
     */
    private UUID actingFor(ExpenseReport report) {
        if (report.getOwnerId().equals(access.me())) {
            throw new NotPermittedException("sapphire.approval.own-report");
        }
        ReportApprovalStep step = workflow.current(report);
        if (!access.stands(step)) {
            throw new NotPermittedException("sapphire.approval.not-your-step");
        }
        return step.getApproverId() == null || step.getApproverId().equals(access.me()) ? null : step.getApproverId();
    }

    private static String comment(String comment, boolean required) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (required && text == null) {
            throw new InvalidInputException(InputProblem.of("comment", "sapphire.approval.comment.required"));
        }
        if (text != null && text.length() > MAX_COMMENT) {
            throw new InvalidInputException(InputProblem.of("comment", "sapphire.approval.comment.size", "max", MAX_COMMENT));
        }
        return text;
    }
}
