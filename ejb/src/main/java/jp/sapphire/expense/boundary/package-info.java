/**
 * Expense reports of the calling member: drafting, reading, renaming, discarding.
 */
package jp.sapphire.expense.boundary;
