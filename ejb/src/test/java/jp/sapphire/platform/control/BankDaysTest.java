package jp.sapphire.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BankDaysTest {

    @Test
    void theHolidaysOf2026AsTheCabinetOfficePublishesThem() {
        // 内閣府「国民の祝日について」, 令和8年 (2026).
        assertThat(BankDays.holidays(2026)).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 2, 11), LocalDate.of(2026, 2, 23),
                LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 4),
                LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 6), LocalDate.of(2026, 7, 20), LocalDate.of(2026, 8, 11),
                LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 22), LocalDate.of(2026, 9, 23), LocalDate.of(2026, 10, 12),
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 23));
    }

    @Test
    void banksCloseAtWeekendsHolidaysAndTheNewYear() {
        assertThat(BankDays.isBankDay(LocalDate.of(2026, 12, 4))).as("a Friday").isTrue();
        assertThat(BankDays.isBankDay(LocalDate.of(2026, 12, 5))).as("a Saturday").isFalse();
        assertThat(BankDays.isBankDay(LocalDate.of(2026, 12, 31))).as("31 December").isFalse();
        assertThat(BankDays.isBankDay(LocalDate.of(2027, 1, 4))).as("the first bank day of 2027").isTrue();
        assertThat(BankDays.isBankDay(LocalDate.of(2026, 5, 6))).as("振替休日 for 3 May on a Sunday").isFalse();
        assertThat(BankDays.isBankDay(LocalDate.of(2026, 9, 22))).as("国民の休日 between 敬老の日 and 秋分の日").isFalse();
        assertThat(BankDays.onOrAfter(LocalDate.of(2026, 12, 29))).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(BankDays.onOrAfter(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void theEquinoxesAndHappyMondaysOfOtherYears() {
        assertThat(BankDays.holidays(2025)).contains(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 9, 23),
                LocalDate.of(2025, 1, 13), LocalDate.of(2025, 2, 24), LocalDate.of(2025, 5, 6), LocalDate.of(2025, 11, 24));
        assertThat(BankDays.holidays(2027)).contains(LocalDate.of(2027, 3, 21), LocalDate.of(2027, 3, 22),
                LocalDate.of(2027, 9, 23));
    }
}
