/**
 * Rules of expense reports that need no container (consumption tax, foreign amounts, invoice
 * numbers, totals, a line's rules, what a submission needs), the applicant's own reports, and
 * what expense tells or asks the components above it (ReportActed, ReportReaders, LineReceipts).
 */
package jp.sapphire.expense.control;
