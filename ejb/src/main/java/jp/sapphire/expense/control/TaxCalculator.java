package jp.sapphire.expense.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;

/**
 * Consumption tax (消費税) contained in a tax-inclusive yen amount, and yen from a foreign amount,
 * both rounded to whole yen by the tenant's rule (truncation unless the tenant says otherwise).
 */
public final class TaxCalculator {

    private TaxCalculator() {
    }

    /** The tax in {@code amountYen} (tax included): amount × rate / (100 + rate), rounded. */
    public static long includedTax(long amountYen, TaxClass taxClass, TaxRounding rounding) {
        int percent = taxClass.percent();
        if (percent == 0) {
            return 0;
        }
        return BigDecimal.valueOf(amountYen).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100L + percent), 0, mode(rounding))
                .longValueExact();
    }

    /** Yen for a foreign amount at a rate (yen per unit of the currency), rounded. */
    public static long yen(BigDecimal foreignAmount, BigDecimal rate, TaxRounding rounding) {
        return round(foreignAmount.multiply(rate), rounding);
    }

    /** An amount in yen with fractions, rounded to whole yen by the tenant's rule. */
    public static long round(BigDecimal yen, TaxRounding rounding) {
        return yen.setScale(0, mode(rounding)).longValueExact();
    }

    private static RoundingMode mode(TaxRounding rounding) {
        return switch (rounding) {
            case TRUNCATE -> RoundingMode.DOWN;
            case HALF_UP -> RoundingMode.HALF_UP;
            case CEILING -> RoundingMode.UP;
        };
    }
}
