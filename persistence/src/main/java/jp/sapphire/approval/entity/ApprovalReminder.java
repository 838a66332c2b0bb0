package jp.sapphire.approval.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A reminder that was sent, so that each is sent once: an approver's digest of a day (in the
 * approver's zone), or the applicant's mail or the escalation of one step of one submission round.
 */
@Entity
@Table(name = "approval_reminder")
@NamedQuery(name = ApprovalReminder.DIGESTS_OF_DAY, query = "SELECT COUNT(r) FROM ApprovalReminder r"
        + " WHERE r.kind = jp.sapphire.approval.entity.ApprovalReminder.Kind.DIGEST AND r.recipientId = :recipient AND r.day = :day")
@NamedQuery(name = ApprovalReminder.OF_STEP, query = "SELECT COUNT(r) FROM ApprovalReminder r"
        + " WHERE r.kind = :kind AND r.reportId = :report AND r.round = :round AND r.stepNo = :step")
public class ApprovalReminder extends TenantOwned {

    public static final String DIGESTS_OF_DAY = "ApprovalReminder.digestsOfDay";
    public static final String OF_STEP = "ApprovalReminder.ofStep";

    /** What was sent. */
    public enum Kind {
        /** To an approver: the reports waiting for them too long, once a day. */
        DIGEST,
        /** To the applicant: their report has waited too long at a step. */
        STALLED,
        /** To the approver's manager: a step has waited too long after the reminders. */
        ESCALATED
    }

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "recipient_id")
    private UUID recipientId;

    private LocalDate day;

    @Column(name = "report_id")
    private UUID reportId;

    private Integer round;

    @Column(name = "step_no")
    private Integer stepNo;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected ApprovalReminder() {
    }

    private ApprovalReminder(Kind kind, UUID recipientId, LocalDate day, UUID reportId, Integer round, Integer stepNo,
                             Instant sentAt) {
        this.kind = kind;
        this.recipientId = recipientId;
        this.day = day;
        this.reportId = reportId;
        this.round = round;
        this.stepNo = stepNo;
        this.sentAt = sentAt;
    }

    public static ApprovalReminder digest(UUID approver, LocalDate day, Instant sentAt) {
        return new ApprovalReminder(Kind.DIGEST, approver, day, null, null, null, sentAt);
    }

    public static ApprovalReminder ofStep(Kind kind, UUID recipient, ReportApprovalStep step, Instant sentAt) {
        return new ApprovalReminder(kind, recipient, null, step.getReportId(), step.getRound(), step.getStepNo(), sentAt);
    }

    public Kind getKind() {
        return kind;
    }

    public UUID getRecipientId() {
        return recipientId;
    }
}
