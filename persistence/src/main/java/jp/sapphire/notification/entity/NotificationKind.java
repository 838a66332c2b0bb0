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
    PAID
}
