package jp.sapphire.notification.entity;

/** Why a member is told something about a report. */
public enum NotificationKind {
    /** To approvers: a report waits for their decision. */
    PENDING,
    /** To the applicant: the last step approved the report. */
    APPROVED,
    /** To the applicant: sent back (差し戻し) to them. */
    RETURNED,
    /** To the applicant: rejected (却下). */
    REJECTED,
    /** To the applicant: an approver commented on a line. */
    COMMENTED,
    /** To the applicant: accounting paid the report. */
    PAID,
    /** To approvers: a report has waited for their decision longer than the tenant's setting (with the daily digest). */
    REMINDER,
    /** To the applicant: their report has waited at a step longer than the tenant's setting. */
    STALLED,
    /** To the approver's manager: a step has waited the second period too (escalation, if the tenant turned it on). */
    ESCALATED;

    /** Whether the member told is an approver of the report, who opens it on the approver's page. */
    public boolean forApprovers() {
        return this == PENDING || this == REMINDER;
    }
}
