package jp.sapphire.expense.entity;

/** Where an expense report stands; the approval component owns the transitions. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    PAID
}
