package jp.sapphire.expense.control;

import jp.sapphire.expense.entity.ExpenseReport;

/**
 * Who besides the applicant may read a report — approvers on its route, their deputies,
 * accounting, administrators — is the approval workflow's knowledge; it answers here
 * ({@code approval.control.ReportAccess}), so expense and the action log ask without depending on it.
 */
public interface ReportReaders {

    boolean mayRead(ExpenseReport report);
}
