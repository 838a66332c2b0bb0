/**
 * The employee's expense pages: the list of their reports, and one report with its lines (added
 * and changed in a dialog), receipts, totals and the actions submit, withdraw and delete.
 */
package jp.sapphire.expense.view;
