package jp.sapphire.expense.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.expense.entity.PolicyRule.Action;
import jp.sapphire.platform.control.InputProblem;

/**
 * The tenant's policy rules (経費規程) against one line: which rules apply to it (its category, the
 * day it was incurred, domestic or overseas, the length of a trip), what each counts and allows,
 * and what a line goes beyond. The one place the rules are read: saving a line, submitting a
 * report, showing a report to its readers and the console's simulator all ask here, so that the
 * simulator's answer is submission's.
 */
public final class PolicyCheck {

    /**
     * What the rules look at in a line. {@code dayYen} is the line's category on its day in its
     * report (this line included), {@code regionDayYen} the same of the lines in the line's region
     * (domestic or overseas): what a per-day limit counts, for a rule of both regions or of one.
     */
    public record Facts(UUID categoryId, LocalDate spentOn, long amountYen, Integer nights, Integer tripDays,
                        Integer attendeeCount, boolean overseas, long dayYen, long regionDayYen) {

        /** A line alone in its region on its day, or with lines of only its own region. */
        public Facts(UUID categoryId, LocalDate spentOn, long amountYen, Integer nights, Integer tripDays,
                     Integer attendeeCount, boolean overseas, long dayYen) {
            this(categoryId, spentOn, amountYen, nights, tripDays, attendeeCount, overseas, dayYen, dayYen);
        }

        /** The line as it is in its report. */
        public static Facts of(ExpenseLine line) {
            return of(line.getCategory().getId(), line.getSpentOn(), line.getAmountYen(), line.getNights(), line.getTripDays(),
                    line.getAttendeeCount(), line.isOverseas(), line.getId(), line.getReport().getLines());
        }

        /**
         * A line as entered (its id null if it is new), with the other lines of its report on its
         * day counted in: what the line dialog checks before saving.
         */
        public static Facts of(UUID categoryId, LocalDate spentOn, long amountYen, Integer nights, Integer tripDays,
                               Integer attendeeCount, boolean overseas, UUID lineId, List<ExpenseLine> lines) {
            long dayYen = amountYen;
            long regionDayYen = amountYen;
            for (ExpenseLine other : lines) {
                if (!other.getId().equals(lineId) && other.getCategory().getId().equals(categoryId)
                        && other.getSpentOn().equals(spentOn)) {
                    dayYen += other.getAmountYen();
                    regionDayYen += other.isOverseas() == overseas ? other.getAmountYen() : 0;
                }
            }
            return new Facts(categoryId, spentOn, amountYen, nights, tripDays, attendeeCount, overseas, dayYen, regionDayYen);
        }
    }

    /** A rule the line goes beyond: what the rule counted and the most it allows. */
    public record Breach(PolicyRule rule, long countedYen, long allowedYen) {

        public boolean blocks() {
            return rule.getAction() == Action.BLOCK;
        }

        /** The breach in words, on {@code field}: a warning or, for a blocking rule, why the report cannot be submitted. */
        public InputProblem problem(String field) {
            return problem(field, blocks() ? "sapphire.policy.block" : "sapphire.policy.warn", 0);
        }

        /** The breach in the words of {@code messageKey}, naming the line if {@code lineNo} is one. */
        InputProblem problem(String field, String messageKey, int lineNo) {
            Map<String, Object> arguments = new LinkedHashMap<>(Map.of("rule", rule.getName(), "allowed", yen(allowedYen),
                    "counted", yen(countedYen)));
            if (lineNo > 0) {
                arguments.put("line", lineNo);
            }
            return new InputProblem(field, messageKey, arguments);
        }
    }

    private PolicyCheck() {
    }

    /**
     * The rules that look at this line. A rule whose category has since changed to a kind its
     * basis does not fit (a lodging category imported as general) looks at nothing.
     */
    public static List<PolicyRule> applicable(List<PolicyRule> rules, Facts line) {
        return rules.stream()
                .filter(rule -> rule.getCategory().getId().equals(line.categoryId()))
                .filter(rule -> rule.getBasis().fits(rule.getCategory().getKind()))
                .filter(rule -> rule.inForceOn(line.spentOn()))
                .filter(rule -> rule.getRegion().covers(line.overseas()))
                .filter(rule -> rule.getBasis() != PolicyRule.Basis.TRIP_DAY || rule.coversTrip(line.tripDays()))
                .toList();
    }

    /** What a rule needs to count and the line does not say: its nights, its trip days or its attendees. */
    public static List<InputProblem> missing(List<PolicyRule> rules, Facts line) {
        List<InputProblem> problems = new ArrayList<>();
        for (PolicyRule rule : applicable(rules, line)) {
            InputProblem needed = switch (rule.getBasis()) {
                case NIGHT -> line.nights() == null ? InputProblem.of("nights", "sapphire.line.nights.required") : null;
                case TRIP_DAY -> line.tripDays() == null ? InputProblem.of("tripDays", "sapphire.line.trip-days.required") : null;
                case ATTENDEE -> line.attendeeCount() == null
                        ? InputProblem.of("attendeeCount", "sapphire.line.attendee-count.required") : null;
                case LINE, DAY -> null;
            };
            if (needed != null && !problems.contains(needed)) {
                problems.add(needed);
            }
        }
        return problems;
    }

    /** The rules the line goes beyond (a rule that cannot count for want of a measure is {@link #missing}, not here). */
    public static List<Breach> breaches(List<PolicyRule> rules, Facts line) {
        List<Breach> breaches = new ArrayList<>();
        for (PolicyRule rule : applicable(rules, line)) {
            Integer per = switch (rule.getBasis()) {
                case LINE, DAY -> 1;
                case NIGHT -> line.nights();
                case TRIP_DAY -> line.tripDays();
                case ATTENDEE -> line.attendeeCount();
            };
            if (per == null) {
                continue;
            }
            long counted = rule.getBasis() != PolicyRule.Basis.DAY ? line.amountYen()
                    : rule.getRegion() == PolicyRule.Region.ANY ? line.dayYen() : line.regionDayYen();
            long allowed = rule.getLimitYen() * per;
            if (counted > allowed) {
                breaches.add(new Breach(rule, counted, allowed));
            }
        }
        return breaches;
    }

    /** Each line's breaches, by line id, in the order of the lines (lines within every rule are left out). */
    public static Map<UUID, List<Breach>> ofLines(List<ExpenseLine> lines, List<PolicyRule> rules) {
        Map<UUID, List<Breach>> found = new LinkedHashMap<>();
        for (ExpenseLine line : lines) {
            List<Breach> breaches = breaches(rules, Facts.of(line));
            if (!breaches.isEmpty()) {
                found.put(line.getId(), breaches);
            }
        }
        return found;
    }

    /**
     * What stops submitting this line, named by {@code path}: a measure a rule needs, a blocking
     * rule it goes beyond, or a warning without the applicant's reason.
     */
    public static List<InputProblem> forSubmission(ExpenseLine line, List<PolicyRule> rules, String path) {
        Facts facts = Facts.of(line);
        List<InputProblem> problems = new ArrayList<>();
        missing(rules, facts).forEach(problem -> problems.add(new InputProblem(path + "." + problem.field(),
                problem.messageKey() + ".line", Map.of("line", line.getLineNo()))));
        for (Breach breach : breaches(rules, facts)) {
            if (breach.blocks()) {
                problems.add(breach.problem(path + ".amountYen", "sapphire.policy.block.submit", line.getLineNo()));
            } else if (line.getPolicyReason() == null) {
                problems.add(breach.problem(path + ".policyReason", "sapphire.policy.reason.required", line.getLineNo()));
            }
        }
        return problems;
    }

    private static String yen(long amount) {
        return String.format("%,d", amount);
    }
}
