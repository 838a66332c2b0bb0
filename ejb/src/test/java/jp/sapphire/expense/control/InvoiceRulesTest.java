package jp.sapphire.expense.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Properties;
import jp.sapphire.expense.control.InvoiceRules.Line;
import jp.sapphire.expense.control.InvoiceRules.Treatment;
import jp.sapphire.expense.entity.InvoiceSpecial;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import org.junit.jupiter.api.Test;

/** The invoice status and deductible tax at every boundary of the schedule as shipped, for the 特例 and the override. */
class InvoiceRulesTest {

    private static final InvoiceRules RULES = shipped();

    /** The rules as SAPPHIRE ships them, read from the configuration defaults. */
    private static InvoiceRules shipped() {
        Properties defaults = new Properties();
        try (InputStream in = InvoiceRulesTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new InvoiceRules(InvoiceSchedule.parse(defaults.getProperty("sapphire.invoice.transitional-schedule")),
                Long.parseLong(defaults.getProperty("sapphire.invoice.public-transport.below-yen")),
                Long.parseLong(defaults.getProperty("sapphire.invoice.small-amount.below-yen")),
                LocalDate.parse(defaults.getProperty("sapphire.invoice.small-amount.from")),
                LocalDate.parse(defaults.getProperty("sapphire.invoice.small-amount.until")));
    }

    private static Line line(String day, long yen, TaxClass tax, String invoice, InvoiceSpecial special) {
        return new Line(LocalDate.parse(day), yen, tax, TaxCalculator.includedTax(yen, tax, TaxRounding.TRUNCATE), invoice, special);
    }

    private static Treatment treat(Line line) {
        return RULES.treat(line, false, TaxRounding.TRUNCATE, null, null);
    }

    @Test
    void withoutARegistrationNumberTheShareFollowsTheDayOfThePurchase() {
        // ¥11,000 at 10 % holds ¥1,000 of tax.
        assertThat(treat(line("2023-09-30", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)))
                .isEqualTo(new Treatment(InvoiceStatus.TRANSITIONAL, 100, 1_000, false, null));
        assertThat(treat(line("2023-10-01", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)).deductiblePercent()).isEqualTo(80);
        assertThat(treat(line("2026-09-30", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)))
                .isEqualTo(new Treatment(InvoiceStatus.TRANSITIONAL, 80, 800, false, null));
        assertThat(treat(line("2026-10-01", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)))
                .isEqualTo(new Treatment(InvoiceStatus.TRANSITIONAL, 70, 700, false, null));
        assertThat(treat(line("2028-09-30", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)).deductiblePercent()).isEqualTo(70);
        assertThat(treat(line("2028-10-01", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)).deductiblePercent()).isEqualTo(50);
        assertThat(treat(line("2030-09-30", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)).deductiblePercent()).isEqualTo(50);
        assertThat(treat(line("2030-10-01", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)).deductiblePercent()).isEqualTo(30);
        assertThat(treat(line("2031-09-30", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)))
                .isEqualTo(new Treatment(InvoiceStatus.TRANSITIONAL, 30, 300, false, null));
        assertThat(treat(line("2031-10-01", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE)))
                .isEqualTo(new Treatment(InvoiceStatus.TRANSITIONAL, 0, 0, false, null));
    }

    @Test
    void theDeductibleShareIsRoundedByTheTenantsRule() {
        // ¥1,080 at 8 % holds ¥80; 70 % of it is ¥56. ¥1,234 at 10 %: ¥112 of tax, 70 % = 78.4.
        assertThat(treat(line("2026-12-01", 1_080, TaxClass.REDUCED_8, null, InvoiceSpecial.NONE)).deductibleTaxYen()).isEqualTo(56);
        Line odd = line("2026-12-01", 1_234, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE);
        assertThat(odd.taxYen()).isEqualTo(112);
        assertThat(RULES.treat(odd, false, TaxRounding.TRUNCATE, null, null).deductibleTaxYen()).isEqualTo(78);
        assertThat(RULES.treat(odd, false, TaxRounding.CEILING, null, null).deductibleTaxYen()).isEqualTo(79);
        assertThat(RULES.treat(odd, false, TaxRounding.HALF_UP, null, null).deductibleTaxYen()).isEqualTo(78);
    }

    @Test
    void aRegistrationNumberMakesItQualifiedAndALineWithoutTaxIsNotTaxable() {
        assertThat(treat(line("2026-12-01", 11_000, TaxClass.STANDARD_10, "T1234567890123", InvoiceSpecial.NONE)))
                .isEqualTo(new Treatment(InvoiceStatus.QUALIFIED, 100, 1_000, false, null));
        assertThat(treat(line("2026-12-01", 5_000, TaxClass.NON_TAXABLE, null, InvoiceSpecial.NONE)))
                .isEqualTo(new Treatment(InvoiceStatus.NOT_TAXABLE, 0, 0, false, null));
        assertThat(treat(line("2026-12-01", 5_000, TaxClass.EXEMPT, "T1234567890123", InvoiceSpecial.NONE)).status())
                .isEqualTo(InvoiceStatus.NOT_TAXABLE);
    }

    @Test
    void publicTransportNeedsNoInvoiceBelowThirtyThousandYen() {
        assertThat(treat(line("2026-12-01", 29_999, TaxClass.STANDARD_10, null, InvoiceSpecial.PUBLIC_TRANSPORT)))
                .isEqualTo(new Treatment(InvoiceStatus.PUBLIC_TRANSPORT, 100, 2_727, false, null));
        assertThat(treat(line("2026-12-01", 30_000, TaxClass.STANDARD_10, null, InvoiceSpecial.PUBLIC_TRANSPORT)).status())
                .isEqualTo(InvoiceStatus.TRANSITIONAL);
    }

    @Test
    void businessTravelPaidToEmployeesNeedsNoInvoiceWhateverTheAmount() {
        assertThat(treat(line("2031-12-01", 88_000, TaxClass.STANDARD_10, null, InvoiceSpecial.BUSINESS_TRAVEL)))
                .isEqualTo(new Treatment(InvoiceStatus.BUSINESS_TRAVEL, 100, 8_000, false, null));
    }

    @Test
    void smallAmountsNeedNoInvoiceForAQualifyingTenantBelowTenThousandYenUntilSeptember2029() {
        Line small = line("2029-09-30", 9_999, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE);
        assertThat(RULES.treat(small, true, TaxRounding.TRUNCATE, null, null))
                .isEqualTo(new Treatment(InvoiceStatus.SMALL_AMOUNT, 100, 909, false, null));
        assertThat(RULES.derive(small, false)).as("a tenant that does not qualify").isEqualTo(InvoiceStatus.TRANSITIONAL);
        assertThat(RULES.derive(line("2029-09-30", 10_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE), true))
                .isEqualTo(InvoiceStatus.TRANSITIONAL);
        assertThat(RULES.derive(line("2029-10-01", 9_999, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE), true))
                .isEqualTo(InvoiceStatus.TRANSITIONAL);
        assertThat(RULES.derive(line("2023-09-30", 9_999, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE), true))
                .isEqualTo(InvoiceStatus.TRANSITIONAL);
    }

    @Test
    void accountingsOverrideDecidesTheStatusWithItsReasonButTheShareStillFollowsTheDay() {
        Line withNumber = line("2026-12-01", 11_000, TaxClass.STANDARD_10, "T1234567890123", InvoiceSpecial.NONE);
        assertThat(RULES.treat(withNumber, false, TaxRounding.TRUNCATE, InvoiceStatus.TRANSITIONAL, "登録が取り消されている"))
                .isEqualTo(new Treatment(InvoiceStatus.TRANSITIONAL, 70, 700, true, "登録が取り消されている"));
        Line without = line("2026-09-30", 11_000, TaxClass.STANDARD_10, null, InvoiceSpecial.NONE);
        assertThat(RULES.treat(without, false, TaxRounding.TRUNCATE, InvoiceStatus.QUALIFIED, "請求書に番号あり"))
                .isEqualTo(new Treatment(InvoiceStatus.QUALIFIED, 100, 1_000, true, "請求書に番号あり"));
        Line noTax = line("2026-12-01", 5_000, TaxClass.NON_TAXABLE, null, InvoiceSpecial.NONE);
        assertThat(RULES.treat(noTax, false, TaxRounding.TRUNCATE, InvoiceStatus.QUALIFIED, "x"))
                .as("a line without tax stays 対象外").isEqualTo(new Treatment(InvoiceStatus.NOT_TAXABLE, 0, 0, false, null));
    }

    @Test
    void theScheduleIsDataAndABadOneIsRefusedNamingTheEntry() {
        InvoiceSchedule old = InvoiceSchedule.parse("2023-10-01=80, 2026-10-01=50, 2029-10-01=0");
        assertThat(old.share(LocalDate.of(2026, 10, 1))).isEqualTo(50);
        assertThat(old.share(LocalDate.of(2029, 10, 1))).isZero();
        assertThatThrownBy(() -> InvoiceSchedule.parse("2023-10-01=80,2026-13-01=70"))
                .hasMessageContaining("Entry 2").hasMessageContaining("2026-13-01=70");
        assertThatThrownBy(() -> InvoiceSchedule.parse("2023-10-01=80,2022-10-01=70")).hasMessageContaining("dates must ascend");
        assertThatThrownBy(() -> InvoiceSchedule.parse("2023-10-01=180")).hasMessageContaining("0–100");
        assertThatThrownBy(() -> InvoiceSchedule.parse(" ")).hasMessageContaining("empty");
    }
}
