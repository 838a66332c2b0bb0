/**
 * Accounting books expenses: the journal exports by period or payment batch (ACCOUNTING), and the
 * tenant's journal settings and account mapping, the one writer of them (the admin console).
 */
package jp.sapphire.journal.boundary;
