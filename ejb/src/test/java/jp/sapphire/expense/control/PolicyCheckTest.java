package jp.sapphire.expense.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import jp.sapphire.expense.control.PolicyCheck.Breach;
import jp.sapphire.expense.control.PolicyCheck.Facts;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.expense.entity.PolicyRule.Action;
import jp.sapphire.expense.entity.PolicyRule.Basis;
import jp.sapphire.expense.entity.PolicyRule.Region;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.platform.control.InputProblem;
import org.junit.jupiter.api.Test;

/** Each kind of rule at its boundary, WARN and BLOCK, with its effective dates, region and trip lengths. */
class PolicyCheckTest {

    private static final LocalDate DAY = LocalDate.of(2027, 4, 1);
    private static final ExpenseCategory HOTEL = new ExpenseCategory("7120", "宿泊費", CategoryKind.LODGING, TaxClass.STANDARD_10);
    private static final ExpenseCategory DINNER = new ExpenseCategory("7210", "交際費", CategoryKind.ENTERTAINMENT, TaxClass.STANDARD_10);
    private static final ExpenseCategory PER_DIEM = new ExpenseCategory("7130", "日当", CategoryKind.PER_DIEM, TaxClass.STANDARD_10);
    private static final ExpenseCategory SUPPLIES = new ExpenseCategory("7410", "消耗品費", CategoryKind.GENERAL, TaxClass.STANDARD_10);

    @Test
    void aLimitPerNightAllowsTwelveThousandAYenAndWarnsOfTwelveThousandAndOne() {
        List<PolicyRule> rules = List.of(rule("宿泊費", HOTEL, Basis.NIGHT, Region.ANY, 12_000, Action.WARN));
        assertThat(PolicyCheck.breaches(rules, hotel(12_000, 1))).isEmpty();
        assertThat(PolicyCheck.breaches(rules, hotel(12_001, 1))).extracting(Breach::allowedYen, Breach::countedYen, Breach::blocks)
                .containsExactly(tuple(12_000L, 12_001L, false));
        assertThat(PolicyCheck.breaches(rules, hotel(24_000, 2))).as("two nights").isEmpty();
        assertThat(PolicyCheck.breaches(rules, hotel(24_001, 2))).extracting(Breach::allowedYen).containsExactly(24_000L);
    }

    @Test
    void everyKindOfRuleWarnsOrBlocksOneYenBeyondItsLimitAndNotAtIt() {
        for (Action action : Action.values()) {
            for (Basis basis : Basis.values()) {
                ExpenseCategory category = switch (basis) {
                    case NIGHT -> HOTEL;
                    case ATTENDEE -> DINNER;
                    case TRIP_DAY -> PER_DIEM;
                    case LINE, DAY -> SUPPLIES;
                };
                List<PolicyRule> rules = List.of(rule(basis + " " + action, category, basis, Region.ANY, 12_000, action));
                // Two nights, two attendees, two trip days: the limit counts twice; per line and per day once.
                long limit = switch (basis) {
                    case LINE, DAY -> 12_000;
                    case NIGHT, ATTENDEE, TRIP_DAY -> 24_000;
                };
                assertThat(PolicyCheck.breaches(rules, twoOf(category, limit))).as(basis + " at the limit").isEmpty();
                assertThat(PolicyCheck.breaches(rules, twoOf(category, limit + 1))).as(basis + " one yen beyond")
                        .extracting(Breach::allowedYen, Breach::countedYen, Breach::blocks)
                        .containsExactly(tuple(limit, limit + 1, action == Action.BLOCK));
            }
        }
    }

    @Test
    void eachBasisCountsItsOwnWayAndABlockingRuleBlocks() {
        List<PolicyRule> rules = List.of(
                rule("1件", SUPPLIES, Basis.LINE, Region.ANY, 50_000, Action.BLOCK),
                rule("1人", DINNER, Basis.ATTENDEE, Region.ANY, 5_000, Action.WARN),
                rule("日当", PER_DIEM, Basis.TRIP_DAY, Region.ANY, 3_000, Action.BLOCK));
        assertThat(PolicyCheck.breaches(rules, facts(SUPPLIES, 50_000))).isEmpty();
        assertThat(PolicyCheck.breaches(rules, facts(SUPPLIES, 50_001))).extracting(Breach::blocks).containsExactly(true);
        assertThat(PolicyCheck.breaches(rules, new Facts(DINNER.getId(), DAY, 15_000, null, null, 3, false, 15_000))).isEmpty();
        assertThat(PolicyCheck.breaches(rules, new Facts(DINNER.getId(), DAY, 15_001, null, null, 3, false, 15_001)))
                .extracting(Breach::allowedYen).containsExactly(15_000L);
        assertThat(PolicyCheck.breaches(rules, perDiem(9_000, 3, false))).isEmpty();
        assertThat(PolicyCheck.breaches(rules, perDiem(9_001, 3, false))).extracting(Breach::blocks).containsExactly(true);
    }

    @Test
    void aLimitPerDayCountsTheCategorysLinesOfTheDayInTheReportTogether() {
        PolicyRule daily = rule("会議費 1日", SUPPLIES, Basis.DAY, Region.ANY, 10_000, Action.WARN);
        ExpenseReport report = new ExpenseReport(java.util.UUID.randomUUID(), "会議", java.time.Instant.EPOCH);
        ExpenseLine morning = line(report, DAY, 6_000);
        ExpenseLine afternoon = line(report, DAY, 4_000);
        ExpenseLine nextDay = line(report, DAY.plusDays(1), 9_000);
        assertThat(PolicyCheck.ofLines(report.getLines(), List.of(daily))).isEmpty();
        afternoon.describe(DAY, SUPPLIES, 4_001, null, TaxClass.STANDARD_10, 363, "店", null, null, null, null, null, null);
        assertThat(PolicyCheck.ofLines(report.getLines(), List.of(daily))).containsOnlyKeys(morning.getId(), afternoon.getId());
        assertThat(PolicyCheck.ofLines(report.getLines(), List.of(daily)).get(morning.getId()))
                .extracting(Breach::countedYen).containsExactly(10_001L);
    }

    @Test
    void aPerDayRuleOfOneRegionCountsOnlyThatRegionsLinesOfTheDay() {
        ExpenseReport report = new ExpenseReport(java.util.UUID.randomUUID(), "出張", java.time.Instant.EPOCH);
        ExpenseLine home = line(report, DAY, 6_000);
        ExpenseLine abroad = line(report, DAY, 8_000);
        abroad.measure(null, null, null, true, null);
        PolicyRule domestic = rule("国内 1日", SUPPLIES, Basis.DAY, Region.DOMESTIC, 10_000, Action.WARN);
        PolicyRule both = rule("1日", SUPPLIES, Basis.DAY, Region.ANY, 10_000, Action.WARN);
        assertThat(PolicyCheck.ofLines(report.getLines(), List.of(domestic))).as("¥6,000 in Japan that day").isEmpty();
        assertThat(PolicyCheck.ofLines(report.getLines(), List.of(both))).containsOnlyKeys(home.getId(), abroad.getId());
        assertThat(PolicyCheck.ofLines(report.getLines(), List.of(both)).get(home.getId()))
                .extracting(Breach::countedYen).containsExactly(14_000L);
    }

    @Test
    void aRuleWhoseCategoryNoLongerFitsItsBasisLooksAtNothing() {
        ExpenseCategory hotel = new ExpenseCategory("7121", "宿泊費", CategoryKind.LODGING, TaxClass.STANDARD_10);
        List<PolicyRule> rules = List.of(rule("宿泊", hotel, Basis.NIGHT, Region.ANY, 12_000, Action.BLOCK));
        Facts stay = new Facts(hotel.getId(), DAY, 20_000, null, null, null, false, 20_000);
        assertThat(PolicyCheck.missing(rules, stay)).extracting(InputProblem::field).containsExactly("nights");
        hotel.update("宿泊費", CategoryKind.GENERAL, TaxClass.STANDARD_10, true);
        assertThat(PolicyCheck.missing(rules, stay)).as("imported as a general category").isEmpty();
        assertThat(PolicyCheck.breaches(rules, stay)).isEmpty();
    }

    @Test
    void aRuleAppliesFromItsFirstDayToItsLastByTheDayOfTheExpense() {
        PolicyRule rule = rule("宿泊費", HOTEL, Basis.NIGHT, Region.ANY, 10_000, Action.WARN);
        rule.describe("宿泊費", HOTEL, Basis.NIGHT, Region.ANY, 10_000, null, null, Action.WARN, DAY, DAY.plusDays(29));
        List<PolicyRule> rules = List.of(rule);
        assertThat(PolicyCheck.breaches(rules, hotelOn(DAY.minusDays(1)))).as("the day before").isEmpty();
        assertThat(PolicyCheck.breaches(rules, hotelOn(DAY))).as("its first day").hasSize(1);
        assertThat(PolicyCheck.breaches(rules, hotelOn(DAY.plusDays(29)))).as("its last day").hasSize(1);
        assertThat(PolicyCheck.breaches(rules, hotelOn(DAY.plusDays(30)))).as("the day after").isEmpty();
    }

    @Test
    void domesticAndOverseasRulesAndTripLengthsPickTheirLines() {
        PolicyRule domestic = rule("日当 国内", PER_DIEM, Basis.TRIP_DAY, Region.DOMESTIC, 3_000, Action.BLOCK);
        PolicyRule overseas = rule("日当 海外", PER_DIEM, Basis.TRIP_DAY, Region.OVERSEAS, 8_000, Action.BLOCK);
        PolicyRule dayTrip = rule("日帰りは日当なし", PER_DIEM, Basis.TRIP_DAY, Region.ANY, 0, Action.BLOCK);
        dayTrip.describe("日帰りは日当なし", PER_DIEM, Basis.TRIP_DAY, Region.ANY, 0, 1, 1, Action.BLOCK, DAY.minusYears(1), null);
        List<PolicyRule> rules = List.of(domestic, overseas, dayTrip);
        assertThat(PolicyCheck.breaches(rules, perDiem(16_000, 2, true))).as("overseas ¥8,000 a day").isEmpty();
        assertThat(PolicyCheck.breaches(rules, perDiem(16_000, 2, false))).extracting(b -> b.rule().getName())
                .containsExactly("日当 国内");
        assertThat(PolicyCheck.breaches(rules, perDiem(1, 1, false))).extracting(b -> b.rule().getName())
                .containsExactly("日帰りは日当なし");
    }

    @Test
    void aRuleThatCountsByAMeasureTheLineLacksAsksForIt() {
        List<PolicyRule> rules = List.of(rule("1人", DINNER, Basis.ATTENDEE, Region.ANY, 5_000, Action.WARN),
                rule("宿泊", HOTEL, Basis.NIGHT, Region.ANY, 12_000, Action.WARN));
        assertThat(PolicyCheck.missing(rules, new Facts(DINNER.getId(), DAY, 9_000, null, null, null, false, 9_000)))
                .extracting(InputProblem::field, InputProblem::messageKey)
                .containsExactly(tuple("attendeeCount", "sapphire.line.attendee-count.required"));
        assertThat(PolicyCheck.breaches(rules, new Facts(DINNER.getId(), DAY, 9_000, null, null, null, false, 9_000))).isEmpty();
        assertThat(PolicyCheck.missing(rules, new Facts(SUPPLIES.getId(), DAY, 9_000, null, null, null, false, 9_000))).isEmpty();
    }

    @Test
    void submissionNamesTheLineThatLacksAMeasureARuleNeeds() {
        ExpenseReport report = new ExpenseReport(java.util.UUID.randomUUID(), "会食", java.time.Instant.EPOCH);
        report.addLine().describe(DAY, SUPPLIES, 1_000, null, TaxClass.STANDARD_10, 90, "店", null, null, null, null, null, null);
        ExpenseLine dinner = report.addLine();
        dinner.describe(DAY, DINNER, 9_000, null, TaxClass.STANDARD_10, 818, "料亭", null, null, "取引先 2名", null, null, null);
        List<PolicyRule> rules = List.of(rule("1人", DINNER, Basis.ATTENDEE, Region.ANY, 5_000, Action.WARN));
        assertThat(PolicyCheck.forSubmission(dinner, rules, "lines[2]"))
                .extracting(InputProblem::field, InputProblem::messageKey, problem -> problem.arguments().get("line"))
                .containsExactly(tuple("lines[2].attendeeCount", "sapphire.line.attendee-count.required.line", 2));
    }

    @Test
    void submissionRefusesABlockAndAWarningWithoutAReasonButNotOneWithIt() {
        List<PolicyRule> rules = List.of(rule("宿泊費", HOTEL, Basis.NIGHT, Region.ANY, 12_000, Action.WARN),
                rule("消耗品 1件", SUPPLIES, Basis.LINE, Region.ANY, 50_000, Action.BLOCK));
        ExpenseReport report = new ExpenseReport(java.util.UUID.randomUUID(), "出張", java.time.Instant.EPOCH);
        ExpenseLine stay = report.addLine();
        stay.describe(DAY, HOTEL, 12_001, null, TaxClass.STANDARD_10, 1_091, "ホテル", null, null, null, null, null, null);
        stay.measure(1, null, null, false, null);
        ExpenseLine desk = line(report, DAY, 50_001);
        assertThat(PolicyCheck.forSubmission(stay, rules, "lines[1]")).extracting(InputProblem::field, InputProblem::messageKey)
                .containsExactly(tuple("lines[1].policyReason", "sapphire.policy.reason.required"));
        assertThat(PolicyCheck.forSubmission(desk, rules, "lines[2]")).extracting(InputProblem::field, InputProblem::messageKey)
                .containsExactly(tuple("lines[2].amountYen", "sapphire.policy.block.submit"));
        stay.measure(1, null, null, false, "繁忙期で空室がこの価格帯のみ");
        assertThat(PolicyCheck.forSubmission(stay, rules, "lines[1]")).isEmpty();
        assertThat(PolicyCheck.forSubmission(desk, rules, "lines[2]").get(0).arguments())
                .containsEntry("rule", "消耗品 1件").containsEntry("allowed", "50,000").containsEntry("counted", "50,001")
                .containsEntry("line", 2);
    }

    private static PolicyRule rule(String name, ExpenseCategory category, Basis basis, Region region, long limit, Action action) {
        PolicyRule rule = new PolicyRule(name, category);
        rule.describe(name, category, basis, region, limit, null, null, action, DAY.minusYears(1), null);
        return rule;
    }

    /** A line of two nights, two attendees and two trip days, alone on its day. */
    private static Facts twoOf(ExpenseCategory category, long yen) {
        return new Facts(category.getId(), DAY, yen, 2, 2, 2, false, yen);
    }

    private static Facts hotel(long yen, int nights) {
        return new Facts(HOTEL.getId(), DAY, yen, nights, null, null, false, yen);
    }

    private static Facts hotelOn(LocalDate day) {
        return new Facts(HOTEL.getId(), day, 10_001, 1, null, null, false, 10_001);
    }

    private static Facts perDiem(long yen, int days, boolean overseas) {
        return new Facts(PER_DIEM.getId(), DAY, yen, null, days, null, overseas, yen);
    }

    private static Facts facts(ExpenseCategory category, long yen) {
        return new Facts(category.getId(), DAY, yen, null, null, null, false, yen);
    }

    private static ExpenseLine line(ExpenseReport report, LocalDate day, long yen) {
        ExpenseLine line = report.addLine();
        line.describe(day, SUPPLIES, yen, null, TaxClass.STANDARD_10, yen / 11, "店", null, null, null, null, null, null);
        return line;
    }
}
