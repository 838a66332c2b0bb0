/**
 * Expense reports (経費申請) and what they are made of. Amounts are yen as {@code long}.
 */
package jp.sapphire.expense.entity;
