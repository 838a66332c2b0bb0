package jp.sapphire.expense.control;

import java.time.Instant;
import java.util.Map;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.IllegalTransitionException;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.platform.control.ConflictException;

/** The two refusals every change of a report may meet: someone changed it since, or its state does not allow the move. */
public final class ReportChanges {

    private ReportChanges() {
    }

    /** Refuses a report changed since {@code version} (when a version is given). */
    public static void checkVersion(ExpenseReport report, Long version) {
        if (version != null && report.getVersion() != version) {
            throw new ConflictException("sapphire.report.changed");
        }
    }

    /** Moves the report along the table of states, or refuses with what stands in the way. */
    public static void move(ExpenseReport report, ReportStatus next, Instant now) {
        try {
            report.moveTo(next, now);
        } catch (IllegalTransitionException refused) {
            throw new ConflictException("sapphire.report.transition",
                    Map.of("from", refused.from().name(), "to", refused.to().name()));
        }
    }
}
