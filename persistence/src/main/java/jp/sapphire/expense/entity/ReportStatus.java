package jp.sapphire.expense.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an expense report stands, and the one table of moves between states:
 * DRAFT → SUBMITTED (申請) → APPROVED (承認) → PAID (支払済); a submitted report can be RETURNED
 * (差し戻し) and resubmitted, REJECTED (却下, final) or WITHDRAWN (取り下げ) by its applicant and
 * then resubmitted. The applicant may edit a report only in DRAFT, WITHDRAWN or RETURNED.
 */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    PAID;

    private static final Map<ReportStatus, Set<ReportStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(WITHDRAWN, RETURNED, REJECTED, APPROVED),
            RETURNED, EnumSet.of(SUBMITTED),
            WITHDRAWN, EnumSet.of(SUBMITTED),
            APPROVED, EnumSet.of(PAID),
            REJECTED, EnumSet.noneOf(ReportStatus.class),
            PAID, EnumSet.noneOf(ReportStatus.class));

    public boolean canMoveTo(ReportStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<ReportStatus> next() {
        return Set.copyOf(NEXT.get(this));
    }

    /** Whether the applicant may still change the report's content. */
    public boolean isEditable() {
        return this == DRAFT || this == WITHDRAWN || this == RETURNED;
    }
}
