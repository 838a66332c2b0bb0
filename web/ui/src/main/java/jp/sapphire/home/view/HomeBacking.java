package jp.sapphire.home.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import jp.sapphire.actionlog.boundary.ActionLog;
import jp.sapphire.actionlog.control.LoggedAction;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.ReportFilter;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.notification.boundary.Notifications;
import jp.sapphire.payment.boundary.Payments;
import jp.sapphire.platform.control.Page;

/**
 * Home as a to-do list (docs/UI.md): what waits for the member, each item one click from its page —
 * drafts not yet submitted, reports sent back with the approver's comment, reports on their way
 * with the step they wait at, approvals waiting for the member (oldest first, with how long since
 * they were submitted), reports to pay for accounting, unread notifications. Read once per request.
 */
@Named("home")
@RequestScoped
public class HomeBacking {

    /** Items listed per kind; the count says how many there are in all. */
    static final int SHOWN = 5;

    /** One report on the list: where it links, what it is called, its total, and what to say about it. */
    public record Item(UUID id, String title, long totalYen, Instant at, String detail) {
    }

    /** A kind of item: how many in all, and the first {@link #SHOWN}. */
    public record Group(long count, List<Item> items) {

        boolean none() {
            return count == 0;
        }
    }

    @EJB
    ExpenseReports reports;

    @EJB
    Approvals approvals;

    @EJB
    Payments payments;

    @EJB
    ActionLog actionLog;

    @EJB
    Notifications notifications;

    @Inject
    CurrentMember member;

    @Inject
    Clock clock;

    private Group drafts;
    private Group returned;
    private Group inProgress;
    private Group toApprove;
    private Group toPay;
    private long unread;

    @PostConstruct
    void read() {
        drafts = mine(ReportStatus.DRAFT, report -> null);
        returned = mine(ReportStatus.RETURNED, this::returnComment);
        inProgress = mine(ReportStatus.SUBMITTED, this::waitingAt);
        List<Approvals.Pending> pending = approvals.pending(Approvals.PendingFilter.none()).stream()
                .sorted(Comparator.comparing((Approvals.Pending p) -> p.report().getSubmittedAt(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        toApprove = new Group(pending.size(), pending.stream().limit(SHOWN).map(p -> new Item(p.report().getId(),
                p.report().getTitle(), p.report().getTotalYen(), p.report().getSubmittedAt(), p.applicantName())).toList());
        if (member.has("ACCOUNTING")) {
            Page<Payments.Unpaid> unpaid = payments.pending(Payments.PendingFilter.none(), 0, SHOWN);
            toPay = new Group(unpaid.total(), unpaid.items().stream().map(u -> new Item(u.report().getId(), u.report().getTitle(),
                    u.report().getTotalYen(), u.report().getUpdatedAt(), u.applicant())).toList());
        } else {
            toPay = new Group(0, List.of());
        }
        unread = notifications.unread();
    }

    private Group mine(ReportStatus status, Function<ExpenseReport, String> detail) {
        Page<ExpenseReport> page = reports.mine(new ReportFilter(status, null, null), 0, SHOWN);
        return new Group(page.total(), page.items().stream().map(r -> new Item(r.getId(), r.getTitle(), r.getTotalYen(),
                r.getUpdatedAt(), detail.apply(r))).toList());
    }

    /** The comment of the latest send-back: what the applicant has to change. */
    private String returnComment(ExpenseReport report) {
        List<LoggedAction> log = actionLog.ofReport(report.getId());
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).entry().getAction() == ReportAction.RETURNED) {
                return log.get(i).entry().getComment();
            }
        }
        return null;
    }

    /** The step the report waits at, and who decides it (a member's name, or nobody for a role's step). */
    private String waitingAt(ExpenseReport report) {
        return approvals.route(report.getId()).stream().filter(Approvals.RouteStep::current).findFirst()
                .map(step -> step.approverName() == null ? step.name() : step.name() + " (" + step.approverName() + ")")
                .orElse(null);
    }

    /** Whole days (of 24 h) since {@code since}: 0 for less than a day. */
    public long daysSince(Instant since) {
        return since == null ? 0 : Duration.between(since, clock.instant()).toDays();
    }

    public Group getDrafts() {
        return drafts;
    }

    public Group getReturned() {
        return returned;
    }

    public Group getInProgress() {
        return inProgress;
    }

    public Group getToApprove() {
        return toApprove;
    }

    public Group getToPay() {
        return toPay;
    }

    public long getUnread() {
        return unread;
    }

    /** Nothing waits: the page says so instead of showing empty sections. */
    public boolean isAllDone() {
        return drafts.none() && returned.none() && inProgress.none() && toApprove.none() && toPay.none() && unread == 0;
    }
}
