package jp.sapphire.approval.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.sapphire.actionlog.control.LoggedAction;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.approval.entity.ApprovalDelegation;
import jp.sapphire.expense.rest.ReportJson.ReportSummary;

/** The JSON shapes of the approval API. Times are UTC (ISO 8601); dates yyyy-mm-dd. */
public final class ApprovalJson {

    private ApprovalJson() {
    }

    /** Approve, send back or reject: a comment (required to send back or reject); to send back to an earlier step, its number. */
    public record DecisionRequest(String comment, Integer toStep) {
    }

    /** A comment on a line. */
    public record CommentRequest(String comment) {
    }

    /** Reports to approve at once. */
    public record BulkRequest(List<UUID> ids) {
    }

    /** What a bulk approval did: the reports approved, and the others with the reason. */
    public record BulkOutcome(List<UUID> approved, List<Refused> refused) {
    }

    public record Refused(UUID id, String message) {
    }

    /** A report waiting for the caller; {@code onBehalfOf} names the approver the caller stands in for. */
    public record PendingView(ReportSummary report, int step, String stepName, String applicant, UUID onBehalfOf) {

        public static PendingView of(Approvals.Pending pending) {
            return new PendingView(ReportSummary.of(pending.report()), pending.step().getStepNo(), pending.step().getName(),
                    pending.applicantName(), pending.onBehalfOf());
        }
    }

    public record Inbox(long count, List<PendingView> items) {
    }

    /** One step of a report's route. */
    public record StepView(int step, String name, String approver, String role, boolean current) {

        public static StepView of(Approvals.RouteStep step) {
            return new StepView(step.stepNo(), step.name(), step.approverName(),
                    step.role() == null ? null : step.role().name(), step.current());
        }
    }

    /** One event of the action log. */
    public record ActionView(long seq, Instant occurredAt, String action, UUID actorId, String actor, UUID onBehalfOfId,
                             String onBehalfOf, String impersonator, String statusBefore, String statusAfter,
                             Integer stepBefore, Integer stepAfter, UUID lineId, Integer lineNo, String comment, String hash) {

        public static ActionView of(LoggedAction logged) {
            var entry = logged.entry();
            return new ActionView(entry.getSeq(), entry.getOccurredAt(), entry.getAction().name(), entry.getActorId(),
                    logged.actorName(), entry.getOnBehalfOfId(), logged.onBehalfOfName(), entry.getImpersonator(),
                    entry.getStatusBefore() == null ? null : entry.getStatusBefore().name(),
                    entry.getStatusAfter() == null ? null : entry.getStatusAfter().name(), entry.getStepBefore(),
                    entry.getStepAfter(), entry.getLineId(), logged.lineNo(), entry.getComment(), entry.getHash());
        }
    }

    /** A delegation to create: the deputy's member id and the days (both included). */
    public record DelegationRequest(UUID deputyId, LocalDate validFrom, LocalDate validTo) {
    }

    public record DelegationView(UUID id, UUID delegatorId, UUID deputyId, LocalDate validFrom, LocalDate validTo) {

        public static DelegationView of(ApprovalDelegation delegation) {
            return new DelegationView(delegation.getId(), delegation.getDelegatorId(), delegation.getDeputyId(),
                    delegation.getValidFrom(), delegation.getValidTo());
        }
    }
}
