/**
 * The employee's expense pages: the list of their reports, and one report with its lines,
 * receipts, totals and the actions submit and withdraw.
 */
package jp.sapphire.expense.view;
