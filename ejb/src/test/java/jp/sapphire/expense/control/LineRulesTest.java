package jp.sapphire.expense.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.LabelDefinition;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.platform.control.InputProblem;
import org.junit.jupiter.api.Test;

class LineRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final ExpenseCategory SUPPLIES = new ExpenseCategory("7410", "消耗品費", CategoryKind.GENERAL, TaxClass.STANDARD_10);
    private static final ExpenseCategory DINNER = new ExpenseCategory("7210", "交際費", CategoryKind.ENTERTAINMENT, TaxClass.STANDARD_10);
    private static final ExpenseCategory TRAIN = new ExpenseCategory("7110", "旅費交通費", CategoryKind.TRANSPORT, TaxClass.STANDARD_10);

    @Test
    void aYenAmountOrAForeignAmountWithCurrencyAndRateIsNeeded() {
        assertThat(LineRules.amounts(1_000L, null, null, null)).isEmpty();
        assertThat(LineRules.amounts(null, new BigDecimal("12.50"), "USD", new BigDecimal("151.2"))).isEmpty();
        assertThat(problems(LineRules.amounts(null, null, null, null))).containsExactly(
                tuple("amountYen", "sapphire.line.amount.required"));
        assertThat(problems(LineRules.amounts(null, new BigDecimal("12.50"), "USD", null))).containsExactly(
                tuple("foreignAmount", "sapphire.line.foreign.incomplete"));
        assertThat(problems(LineRules.amounts(1_000L, null, null, new BigDecimal("151.2")))).containsExactly(
                tuple("foreignAmount", "sapphire.line.foreign.incomplete"));
    }

    @Test
    void entertainmentNeedsAttendeesAndTransportARoute() {
        assertThat(LineRules.ofCategory(SUPPLIES, null, null, null)).isEmpty();
        assertThat(problems(LineRules.ofCategory(DINNER, " ", null, null))).containsExactly(
                tuple("attendees", "sapphire.line.attendees.required"));
        assertThat(LineRules.ofCategory(DINNER, "取引先 2名", null, null)).isEmpty();
        assertThat(problems(LineRules.ofCategory(TRAIN, null, "東京", null))).containsExactly(
                tuple("routeTo", "sapphire.line.route.required"));
        assertThat(problems(LineRules.ofCategory(TRAIN, null, null, null))).containsExactly(
                tuple("routeFrom", "sapphire.line.route.required"), tuple("routeTo", "sapphire.line.route.required"));
        assertThat(LineRules.ofCategory(TRAIN, null, "東京", "大阪")).isEmpty();
    }

    @Test
    void aDateIsTodayOrBeforeAndInsideTheReportsPeriod() {
        assertThat(LineRules.date(TODAY, TODAY, null, null)).isEmpty();
        assertThat(problems(LineRules.date(TODAY.plusDays(1), TODAY, null, null))).containsExactly(
                tuple("spentOn", "sapphire.line.date.future"));
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        assertThat(LineRules.date(from, TODAY, from, to)).isEmpty();
        assertThat(LineRules.date(to, TODAY, from, to)).isEmpty();
        assertThat(problems(LineRules.date(from.minusDays(1), TODAY, from, to))).containsExactly(
                tuple("spentOn", "sapphire.line.date.outside-period"));
        assertThat(problems(LineRules.date(to.plusDays(1), TODAY, from, to))).containsExactly(
                tuple("spentOn", "sapphire.line.date.outside-period"));
    }

    @Test
    void customFieldsAreRequiredWhereSaidOfTheirTypeAndKnown() {
        List<CustomField> fields = List.of(
                new CustomField("client", "顧客名", CustomField.Type.TEXT, true, List.of(), DINNER),
                new CustomField("count", "人数", CustomField.Type.NUMBER, false, List.of(), null),
                new CustomField("visit", "訪問日", CustomField.Type.DATE, false, List.of(), null),
                new CustomField("purpose", "目的", CustomField.Type.CHOICE, false, List.of("営業", "採用"), null));

        assertThat(problems(LineRules.customFields(fields, DINNER, Map.of()))).containsExactly(
                tuple("customFields.client", "sapphire.line.field.required"));
        assertThat(LineRules.customFields(fields, SUPPLIES, Map.of())).as("client applies to entertainment only").isEmpty();
        assertThat(problems(LineRules.customFields(fields, SUPPLIES, Map.of("client", "A社")))).containsExactly(
                tuple("customFields.client", "sapphire.line.field.unknown"));
        assertThat(problems(LineRules.customFields(fields, SUPPLIES,
                Map.of("count", "three", "visit", "2026-13-01", "purpose", "旅行")))).containsExactlyInAnyOrder(
                tuple("customFields.count", "sapphire.line.field.number"),
                tuple("customFields.visit", "sapphire.line.field.date"),
                tuple("customFields.purpose", "sapphire.line.field.choice"));
        assertThat(LineRules.customFields(fields, SUPPLIES, Map.of("count", "3.5", "visit", "2026-11-30", "purpose", "採用")))
                .isEmpty();
        assertThat(problems(LineRules.customFields(fields, DINNER, Map.of("client", "x".repeat(1001))))).containsExactly(
                tuple("customFields.client", "sapphire.line.field.text"));
    }

    @Test
    void labelsAreTheTenantsAndTheirValuesOnesItAllows() {
        List<LabelDefinition> labels = List.of(new LabelDefinition("project", "プロジェクト", List.of("alpha", "beta")),
                new LabelDefinition("memo", "メモ", List.of()));
        assertThat(LineRules.labels(labels, Map.of("project", "alpha", "memo", "anything"))).isEmpty();
        assertThat(problems(LineRules.labels(labels, Map.of("project", "gamma")))).containsExactly(
                tuple("labels.project", "sapphire.report.label.value.not-allowed"));
        assertThat(problems(LineRules.labels(labels, Map.of("colour", "red")))).containsExactly(
                tuple("labels.colour", "sapphire.report.label.unknown"));
    }

    private static List<org.assertj.core.groups.Tuple> problems(List<InputProblem> problems) {
        return problems.stream().map(p -> tuple(p.field(), p.messageKey())).toList();
    }
}
