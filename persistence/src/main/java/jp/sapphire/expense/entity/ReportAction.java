package jp.sapphire.expense.entity;

/** What happened to a report, as the action log names it. */
public enum ReportAction {
    CREATED,
    UPDATED,
    LINE_ADDED,
    LINE_CHANGED,
    LINE_REMOVED,
    RECEIPT_ADDED,
    RECEIPT_REMOVED,
    SUBMITTED,
    WITHDRAWN,
    APPROVED,
    RETURNED,
    REJECTED,
    COMMENTED,
    PAID,
    DELETED,
    /** Accounting set a line's invoice status (インボイス区分) in place of the derived one. */
    INVOICE_OVERRIDDEN;

    /** Actions of an approver: once one of them happened in a round, the applicant can no longer withdraw. */
    public boolean isApproverAction() {
        return this == APPROVED || this == RETURNED || this == REJECTED || this == COMMENTED;
    }
}
