package jp.sapphire.expense.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.expense.boundary.LineInput;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class LineCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final ExpenseCategory SUPPLIES = new ExpenseCategory("7410", "消耗品費", CategoryKind.GENERAL, TaxClass.STANDARD_10);
    private static final ExpenseCategory MEALS = new ExpenseCategory("7330", "福利厚生費", CategoryKind.GENERAL, TaxClass.REDUCED_8);
    private static final ExpenseCategory DINNER = new ExpenseCategory("7210", "交際費", CategoryKind.ENTERTAINMENT, TaxClass.STANDARD_10);

    @Test
    void aGoodLineGetsItsCategorysTaxClassAndTheTaxByTheTenantsRounding() {
        LineCheck.Checked checked = LineCheck.check(line(1_000L, null, null), List.of(), MEALS, List.of(), policy(TaxRounding.CEILING), List.of(),
                TODAY, null, null);
        assertThat(checked.taxClass()).isEqualTo(TaxClass.REDUCED_8);
        assertThat(checked.amountYen()).isEqualTo(1_000);
        assertThat(checked.taxYen()).isEqualTo(75);
    }

    @Test
    void aForeignAmountIsConvertedToYenAndAnAmountBeyondTheRangeIsRefused() {
        LineInput usd = line(null, new BigDecimal("12.50"), new BigDecimal("151.20"));
        assertThat(LineCheck.check(usd, List.of(), SUPPLIES, List.of(), policy(TaxRounding.TRUNCATE), List.of(), TODAY, null, null).amountYen())
                .isEqualTo(1_890);
        LineInput huge = line(null, new BigDecimal("99999999.99"), new BigDecimal("99999"));
        assertThat(problems(() -> LineCheck.check(huge, List.of(), SUPPLIES, List.of(), policy(TaxRounding.TRUNCATE), List.of(), TODAY,
                null, null))).containsExactly(tuple("foreignAmount", "sapphire.line.amount.max"));
    }

    @Test
    void everyProblemIsReportedAtOnceWithWhatBeanValidationFound() {
        LineInput bad = new LineInput(TODAY.plusDays(1), UUID.randomUUID(), null, null, null, null, null, "店", "T1234567890123",
                null, null, null, null, null, null, null, null, null, null, Map.of());
        assertThat(problems(() -> LineCheck.check(bad, List.of(InputProblem.of("payee", "sapphire.line.payee.size")), null, List.of(),
                policy(TaxRounding.TRUNCATE), List.of(), TODAY, null, null))).containsExactly(
                tuple("payee", "sapphire.line.payee.size"),
                tuple("amountYen", "sapphire.line.amount.required"),
                tuple("categoryId", "sapphire.line.category.unknown"),
                tuple("spentOn", "sapphire.line.date.future"),
                tuple("invoiceNumber", "sapphire.line.invoice.invalid"));
    }

    @Test
    void aCategorysNeedsAndItsRequiredFieldsAreChecked() {
        CustomField client = new CustomField("client", "顧客名", CustomField.Type.TEXT, true, List.of(), DINNER);
        assertThat(problems(() -> LineCheck.check(line(5_000L, null, null), List.of(), DINNER, List.of(client),
                policy(TaxRounding.TRUNCATE), List.of(), TODAY, null, null))).containsExactly(
                tuple("attendees", "sapphire.line.attendees.required"),
                tuple("customFields.client", "sapphire.line.field.required"));
    }

    @Test
    void aDuplicateWarnsOrIsRefusedAsTheTenantSays() {
        assertThat(LineCheck.duplicates(0, policy(TaxRounding.TRUNCATE))).isEmpty();
        assertThat(LineCheck.duplicates(2, policy(TaxRounding.TRUNCATE))).extracting(InputProblem::messageKey)
                .containsExactly("sapphire.line.duplicate");
        ExpensePolicy blocking = policy(TaxRounding.TRUNCATE);
        blocking.setDuplicatePolicy(ExpensePolicy.DuplicatePolicy.BLOCK);
        assertThat(problems(() -> LineCheck.duplicates(1, blocking))).containsExactly(tuple("amountYen", "sapphire.line.duplicate"));
    }

    @Test
    void aReportIsCompleteWithLinesReceiptsWhereNeededAndItsRequiredFields() {
        ExpenseReport report = new ExpenseReport(UUID.randomUUID(), "出張", Instant.EPOCH);
        ExpensePolicy receipts = policy(TaxRounding.TRUNCATE);
        receipts.setReceiptRequired(true);
        assertThat(SubmitCompleteness.problems(report, receipts, List.of(), List.of(), line -> true)).extracting(InputProblem::field)
                .containsExactly("lines");

        ExpenseCategory train = new ExpenseCategory("7110", "旅費交通費", CategoryKind.TRANSPORT, TaxClass.STANDARD_10);
        report.addLine().describe(TODAY, SUPPLIES, 1_100, null, TaxClass.STANDARD_10, 100, "店", null, null, null, null, null, null);
        report.addLine().describe(TODAY, train, 500, null, TaxClass.STANDARD_10, 45, "JR", null, null, null, "東京", "品川", false);
        CustomField purpose = new CustomField("purpose", "目的", CustomField.Type.TEXT, true, List.of(), null);

        assertThat(SubmitCompleteness.problems(report, receipts, List.of(purpose), List.of(), line -> false))
                .extracting(InputProblem::field, InputProblem::messageKey).containsExactly(
                        tuple("lines[1]", "sapphire.report.submit.receipt-missing"),
                        tuple("lines[1].customFields.purpose", "sapphire.line.field.required"),
                        tuple("lines[2].customFields.purpose", "sapphire.line.field.required"));
        ExpensePolicy noReceipts = policy(TaxRounding.TRUNCATE);
        noReceipts.setReceiptRequired(false);
        assertThat(SubmitCompleteness.problems(report, noReceipts, List.of(), List.of(), line -> false)).isEmpty();
    }

    private static LineInput line(Long yen, BigDecimal foreign, BigDecimal rate) {
        return new LineInput(TODAY, UUID.randomUUID(), yen, foreign, foreign == null ? null : "USD", rate, null, "店", null, null,
                null, null, null, null, null, null, null, null, null, Map.of());
    }

    private static ExpensePolicy policy(TaxRounding rounding) {
        ExpensePolicy policy = new ExpensePolicy();
        policy.setTaxRounding(rounding);
        policy.setDuplicatePolicy(ExpensePolicy.DuplicatePolicy.WARN);
        return policy;
    }

    private static List<org.assertj.core.groups.Tuple> problems(Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException refused) {
            return refused.problems().stream().map(p -> tuple(p.field(), p.messageKey())).toList();
        }
        throw new AssertionError("not refused");
    }
}
