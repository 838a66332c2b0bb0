package jp.sapphire.journal.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.sapphire.journal.control.Journal.Account;
import jp.sapphire.journal.control.Journal.Booking;
import jp.sapphire.journal.control.Journal.Item;
import jp.sapphire.journal.control.Journal.Row;
import jp.sapphire.journal.control.Journal.Side;
import jp.sapphire.journal.control.Journal.Slip;
import jp.sapphire.journal.entity.JournalSettings.Granularity;
import jp.sapphire.journal.entity.JournalSettings.ProjectAs;

/**
 * The two entries of an expense (仕訳): at approval, debit the expense account and credit 未払金
 * (the company owes the employee); at payment, debit 未払金 and credit 普通預金. One slip per
 * report; at approval one journal line per expense line, or per report with the lines of the same
 * account, tax and invoice treatment summed. Amounts are the lines' own yen and tax, so the
 * journal adds up to what the report shows.
 */
public final class JournalEntries {

    /** What decides the entries: granularity, the two credit accounts, where the project goes. */
    public record Settings(Granularity granularity, Account payable, Account bank, ProjectAs projectAs) {
    }

    private final Settings settings;
    private final List<Slip> slips = new ArrayList<>();

    public JournalEntries(Settings settings) {
        this.settings = settings;
    }

    /** The slips so far, numbered from 1 in the order they were added. */
    public List<Slip> slips() {
        return List.copyOf(slips);
    }

    /** The approval entry of each report, on the day it was approved. */
    public JournalEntries accrued(List<Booking> bookings) {
        for (Booking booking : bookings) {
            List<Row> rows = new ArrayList<>();
            for (Item item : items(booking)) {
                Account account = settings.projectAs() == ProjectAs.SUB_ACCOUNT && booking.project() != null
                        ? item.account().withSubAccount(booking.project()) : item.account();
                Side debit = new Side(account, booking.department(), item.payee(), item.taxClass(), item.status(),
                        item.deductiblePercent(), item.amountYen(), item.taxYen());
                rows.add(new Row(debit, Side.untaxed(settings.payable(), booking.applicant(), item.amountYen()),
                        describe(booking, item), settings.projectAs() == ProjectAs.SEGMENT ? booking.project() : null,
                        booking.reportId().toString()));
            }
            slips.add(new Slip(slips.size() + 1, booking.approvedOn(), rows));
        }
        return this;
    }

    /** The payment entry of each paid report, on the day it was paid. */
    public JournalEntries paid(List<Booking> bookings) {
        for (Booking booking : bookings) {
            if (booking.paidOn() == null) {
                continue;
            }
            long total = booking.items().stream().mapToLong(Item::amountYen).sum();
            slips.add(new Slip(slips.size() + 1, booking.paidOn(), List.of(new Row(
                    Side.untaxed(settings.payable(), booking.applicant(), total), Side.untaxed(settings.bank(), null, total),
                    booking.applicant() + " " + booking.title(), null, booking.reportId().toString()))));
        }
        return this;
    }

    /** The report's items, or per report the items of the same account and tax summed, in the order they first appear. */
    private List<Item> items(Booking booking) {
        if (settings.granularity() == Granularity.LINE) {
            return booking.items();
        }
        Map<List<Object>, Item> summed = new LinkedHashMap<>();
        for (Item item : booking.items()) {
            // Lines the accounting software books alike: the same account, tax class and deductible share.
            summed.merge(List.of(item.account(), String.valueOf(item.taxClass()), item.deductiblePercent()), item,
                    (a, b) -> new Item(a.account(), Objects.equals(a.payee(), b.payee()) ? a.payee() : null, null,
                            a.taxClass(), a.status(), a.deductiblePercent(), a.amountYen() + b.amountYen(),
                            a.taxYen() + b.taxYen()));
        }
        return List.copyOf(summed.values());
    }

    /** 摘要: the applicant and the report, and for a line its description or payee. */
    private String describe(Booking booking, Item item) {
        String about = settings.granularity() == Granularity.LINE
                ? (item.description() != null ? item.description() : item.payee()) : null;
        return booking.applicant() + " " + booking.title() + (about == null || about.isBlank() ? "" : " / " + about);
    }
}
