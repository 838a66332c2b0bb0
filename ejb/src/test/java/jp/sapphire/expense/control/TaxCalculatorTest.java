package jp.sapphire.expense.control;

import static jp.sapphire.expense.entity.TaxClass.EXEMPT;
import static jp.sapphire.expense.entity.TaxClass.NON_TAXABLE;
import static jp.sapphire.expense.entity.TaxClass.REDUCED_8;
import static jp.sapphire.expense.entity.TaxClass.STANDARD_10;
import static jp.sapphire.expense.entity.TaxRounding.CEILING;
import static jp.sapphire.expense.entity.TaxRounding.HALF_UP;
import static jp.sapphire.expense.entity.TaxRounding.TRUNCATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxCalculatorTest {

    @ParameterizedTest(name = "{0} yen at {1} rounded {2} holds {3} yen tax")
    @CsvSource({
            "1100, STANDARD_10, TRUNCATE, 100",
            "1080, REDUCED_8, TRUNCATE, 80",
            "1000, STANDARD_10, TRUNCATE, 90",   // 90.909…
            "1000, STANDARD_10, HALF_UP, 91",
            "1000, STANDARD_10, CEILING, 91",
            "1000, REDUCED_8, TRUNCATE, 74",     // 74.074…
            "1000, REDUCED_8, HALF_UP, 74",
            "1000, REDUCED_8, CEILING, 75",
            "105, STANDARD_10, HALF_UP, 10",     // 9.545…
            "1, STANDARD_10, TRUNCATE, 0",
            "1, STANDARD_10, CEILING, 1",
            "100000000, STANDARD_10, TRUNCATE, 9090909"
    })
    void includedTax(long amount, String taxClass, String rounding, long tax) {
        assertThat(TaxCalculator.includedTax(amount,
                TaxClass.valueOf(taxClass),
                TaxRounding.valueOf(rounding))).isEqualTo(tax);
    }

    @Test
    void exemptAndNonTaxableAmountsHoldNoTax() {
        assertThat(TaxCalculator.includedTax(12_345, EXEMPT, CEILING)).isZero();
        assertThat(TaxCalculator.includedTax(12_345, NON_TAXABLE, HALF_UP)).isZero();
    }

    @Test
    void roundingHalfUpRoundsExactHalvesUp() {
        // 1155 × 10 / 110 = 105 exactly; 1160 × 10 / 110 = 105.45…; 1161 × 8 / 108 = 86.0
        assertThat(TaxCalculator.includedTax(1155, STANDARD_10, HALF_UP)).isEqualTo(105);
        assertThat(TaxCalculator.includedTax(1160, STANDARD_10, TRUNCATE)).isEqualTo(105);
        assertThat(TaxCalculator.includedTax(1161, REDUCED_8, TRUNCATE)).isEqualTo(86);
    }

    @Test
    void foreignAmountsConvertAtTheRateAndRoundByTheTenantsRule() {
        assertThat(TaxCalculator.yen(new BigDecimal("12.34"), new BigDecimal("151.275"), TRUNCATE)).isEqualTo(1866);
        assertThat(TaxCalculator.yen(new BigDecimal("12.34"), new BigDecimal("151.275"), HALF_UP)).isEqualTo(1867);
        assertThat(TaxCalculator.yen(new BigDecimal("100.00"), new BigDecimal("0.5"), CEILING)).isEqualTo(50);
        assertThat(TaxCalculator.yen(new BigDecimal("0.01"), new BigDecimal("150"), CEILING)).isEqualTo(2);
    }
}
