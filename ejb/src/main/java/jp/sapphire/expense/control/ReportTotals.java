package jp.sapphire.expense.control;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.TaxClass;

/** A report's total, tax, and subtotals per tax class (税率別内訳), always derived from its lines. */
public record ReportTotals(long totalYen, long taxYen, Map<TaxClass, Subtotal> byTaxClass) {

    /** Amount (tax included) and tax of the lines of one tax class. */
    public record Subtotal(long amountYen, long taxYen) {
    }

    public static ReportTotals of(Collection<ExpenseLine> lines) {
        Map<TaxClass, Subtotal> subtotals = new EnumMap<>(TaxClass.class);
        long total = 0;
        long tax = 0;
        for (ExpenseLine line : lines) {
            total += line.getAmountYen();
            tax += line.getTaxYen();
            subtotals.merge(line.getTaxClass(), new Subtotal(line.getAmountYen(), line.getTaxYen()),
                    (a, b) -> new Subtotal(a.amountYen() + b.amountYen(), a.taxYen() + b.taxYen()));
        }
        return new ReportTotals(total, tax, Map.copyOf(subtotals));
    }
}
