package jp.sapphire.expense.boundary;

import java.time.Instant;
import jp.sapphire.expense.entity.ReportStatus;

/** Which of a member's reports to list: by status, and created in [from, to); {@code null} means any. */
public record ReportFilter(ReportStatus status, Instant createdFrom, Instant createdTo) {

    public static final ReportFilter ALL = new ReportFilter(null, null, null);
}
