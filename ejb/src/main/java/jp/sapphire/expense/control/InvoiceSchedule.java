package jp.sapphire.expense.control;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The transitional measure (経過措置) as data: the deductible share, in percent, of the consumption
 * tax on a purchase without a qualified invoice, by the day of the purchase. A day before the
 * first entry is fully deductible (before the invoice system). Written in configuration as
 * {@code from=percent} entries separated by commas, dates ascending, shares 0–100.
 */
public record InvoiceSchedule(NavigableMap<LocalDate, Integer> shares) {

    public InvoiceSchedule {
        shares = new TreeMap<>(shares);
    }

    /** Reads the configured text; refuses it naming the entry that is wrong. */
    public static InvoiceSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The transitional schedule is empty");
        }
        NavigableMap<LocalDate, Integer> shares = new TreeMap<>();
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String[] parts = entry.split("=");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("not from=percent");
                }
                LocalDate from = LocalDate.parse(parts[0].strip());
                int percent = Integer.parseInt(parts[1].strip());
                if (percent < 0 || percent > 100) {
                    throw new IllegalArgumentException("the share is not 0–100");
                }
                if (!shares.isEmpty() && !from.isAfter(shares.lastKey())) {
                    throw new IllegalArgumentException("dates must ascend");
                }
                shares.put(from, percent);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("Entry " + (i + 1) + " of the transitional schedule (" + entry
                        + ") is not yyyy-mm-dd=percent", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Entry " + (i + 1) + " of the transitional schedule (" + entry
                        + "): " + e.getMessage(), e);
            }
        }
        return new InvoiceSchedule(shares);
    }

    /** The deductible share, in percent, for a purchase on this day without a qualified invoice. */
    public int share(LocalDate day) {
        Map.Entry<LocalDate, Integer> entry = shares.floorEntry(day);
        return entry == null ? 100 : entry.getValue();
    }
}
