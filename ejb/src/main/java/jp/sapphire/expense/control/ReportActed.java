package jp.sapphire.expense.control;

import java.util.UUID;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;

/**
 * Something was done to a report (a CDI event, fired in the transaction of the change): the report
 * as it stands after it, the action, where the report stood {@link Before} it, and — as far as they
 * apply — on whose behalf, which line, the comment, and the acting member when it is not the
 * signed-in one (provider work acting for a member, like the demo seed). The action log records
 * every such event in the same transaction; expense, receipt and approval only tell it.
 */
public record ReportActed(ExpenseReport report, ReportAction action, Before before, UUID onBehalfOf, UUID lineId,
                          String comment, UUID actor) {

    /** Where a report stood before a change; taken before making it. */
    public record Before(ReportStatus status, Integer step) {

        /** Before a report existed. */
        public static final Before NOTHING = new Before(null, null);

        public static Before of(ExpenseReport report) {
            return new Before(report.getStatus(), report.getCurrentStep());
        }
    }

    /** An action of the signed-in member on the report as a whole. */
    public static ReportActed of(ExpenseReport report, ReportAction action, Before before) {
        return new ReportActed(report, action, before, null, null, null, null);
    }

    /** An action of the signed-in member on one line, with a comment if one is given. */
    public static ReportActed onLine(ExpenseReport report, ReportAction action, Before before, UUID lineId, String comment) {
        return new ReportActed(report, action, before, null, lineId, comment, null);
    }
}
