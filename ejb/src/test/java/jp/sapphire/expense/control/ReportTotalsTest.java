package jp.sapphire.expense.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.sapphire.expense.control.ReportTotals.Subtotal;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.TaxClass;
import org.junit.jupiter.api.Test;

class ReportTotalsTest {

    private static final ExpenseCategory CATEGORY = new ExpenseCategory("7410", "消耗品費", CategoryKind.GENERAL, TaxClass.STANDARD_10);

    @Test
    void theTotalTaxAndEachTaxClassesSubtotalAreSumsOfTheLines() {
        ExpenseReport report = new ExpenseReport(UUID.randomUUID(), "出張", Instant.EPOCH);
        line(report, 1_100, TaxClass.STANDARD_10, 100);
        line(report, 2_200, TaxClass.STANDARD_10, 200);
        line(report, 1_080, TaxClass.REDUCED_8, 80);
        line(report, 500, TaxClass.NON_TAXABLE, 0);

        ReportTotals totals = ReportTotals.of(report.getLines());

        assertThat(totals.totalYen()).isEqualTo(4_880);
        assertThat(totals.taxYen()).isEqualTo(380);
        assertThat(totals.byTaxClass()).containsOnly(
                java.util.Map.entry(TaxClass.STANDARD_10, new Subtotal(3_300, 300)),
                java.util.Map.entry(TaxClass.REDUCED_8, new Subtotal(1_080, 80)),
                java.util.Map.entry(TaxClass.NON_TAXABLE, new Subtotal(500, 0)));
    }

    @Test
    void aReportWithoutLinesTotalsNothing() {
        ReportTotals totals = ReportTotals.of(List.of());
        assertThat(totals.totalYen()).isZero();
        assertThat(totals.taxYen()).isZero();
        assertThat(totals.byTaxClass()).isEmpty();
    }

    private static void line(ExpenseReport report, long yen, TaxClass taxClass, long tax) {
        report.addLine().describe(LocalDate.of(2026, 11, 30), CATEGORY, yen, null, taxClass, tax, "店", null, null, null, null,
                null, null);
    }
}
