/**
 * Rules of expense reports that need no container: consumption tax of a tax-inclusive amount,
 * conversion of foreign amounts, invoice registration numbers, totals per tax rate.
 */
package jp.sapphire.expense.control;
