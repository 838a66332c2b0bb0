/**
 * Expense reports of the calling member (drafting, lines, reading) and the tenant's expense
 * masters as members read them.
 */
package jp.sapphire.expense.boundary;
