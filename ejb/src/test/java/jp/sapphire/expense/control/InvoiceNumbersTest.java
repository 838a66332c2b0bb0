package jp.sapphire.expense.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "T7000012050002",   // 国税庁's corporate number
            "T3000012010001",
            "T9234567890123"
    })
    void acceptsNumbersWithTheRightCheckDigit(String number) {
        assertThat(InvoiceNumbers.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "T7000012050003",   // check digit off by one
            "T6000012050002",
            "7000012050002",    // no T
            "t7000012050002",   // lower-case t
            "T700001205000",    // 12 digits
            "T70000120500021",  // 14 digits
            "T70000120500O2",   // letter O
            "T７００００１２０５０００２", // full-width digits
            " T7000012050002"
    })
    void refusesEverythingElse(String number) {
        assertThat(InvoiceNumbers.isValid(number)).isFalse();
    }

    @Test
    void computesTheCheckDigitOverTheTwelveBaseDigitsFromTheRight() {
        assertThat(InvoiceNumbers.checkDigit("000012050002")).isEqualTo(7);
        assertThat(InvoiceNumbers.checkDigit("234567890123")).isEqualTo(9);
    }
}
