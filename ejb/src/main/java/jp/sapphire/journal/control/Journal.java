package jp.sapphire.journal.control;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.expense.entity.TaxClass;

/** The journal's vocabulary, independent of any accounting software's file. */
public final class Journal {

    private Journal() {
    }

    /** An account (勘定科目) with its code and sub-account (補助科目) as the accounting software knows them. */
    public record Account(String name, String code, String subAccount) {

        public Account withSubAccount(String sub) {
            return new Account(name, code, sub);
        }
    }

    /**
     * One side of a journal line (借方 or 貸方): the account, 部門, 取引先, the tax of the amount —
     * {@code taxClass} null for an amount outside consumption tax (未払金, 普通預金) — and the amount in yen, tax included.
     */
    public record Side(Account account, String department, String partner, TaxClass taxClass, InvoiceStatus status,
                       int deductiblePercent, long amountYen, long taxYen) {

        /** An amount outside consumption tax. */
        public static Side untaxed(Account account, String partner, long amountYen) {
            return new Side(account, null, partner, null, null, 0, amountYen, 0);
        }
    }

    /** A journal line: a debit and a credit of the same amount, its 摘要, a segment (project) and a memo. */
    public record Row(Side debit, Side credit, String description, String segment, String memo) {
    }

    /** A slip (伝票): its number in the file, the day it is booked on, its lines. */
    public record Slip(int number, LocalDate date, List<Row> rows) {
    }

    /** An expense to book: one line of a report, on its account, with its invoice treatment. */
    public record Item(Account account, String payee, String description, TaxClass taxClass, InvoiceStatus status,
                       int deductiblePercent, long amountYen, long taxYen) {
    }

    /**
     * A report to book: who filed it (their 部門 as the journal names it, or null), its project as the
     * journal names it (or null), the days it was approved and paid (null until then), its items.
     */
    public record Booking(UUID reportId, String title, String applicant, String department, String project,
                          LocalDate approvedOn, LocalDate paidOn, List<Item> items) {
    }
}
