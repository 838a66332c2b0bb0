package jp.sapphire.expense.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.sapphire.expense.boundary.LineInput;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.ForeignAmount;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;

/**
 * Every rule of one expense line, before anything is changed (so no half-made line is ever
 * written), with every problem at once: what Bean Validation found, the amounts, the category's
 * needs, the custom fields, the date, the invoice number, the yen range of a converted amount and
 * the measures (nights, trip days, attendees) a policy rule counts by.
 * Then what a line that passed becomes: its yen amount, tax class and consumption tax by the
 * tenant's rounding. And what a possible duplicate means under the tenant's policy.
 */
public final class LineCheck {

    /** A line's input that has passed every rule, with what was derived from it. */
    public record Checked(LineInput input, ExpenseCategory category, long amountYen, ForeignAmount foreign,
                          TaxClass taxClass, long taxYen) {
    }

    private LineCheck() {
    }

    /**
     * @param validation what Bean Validation found in the input
     * @param category   the category the input names, if the tenant has it active (null otherwise)
     * @param today      today in the applicant's zone
     */
    public static Checked check(LineInput input, List<InputProblem> validation, ExpenseCategory category,
                                List<CustomField> fields, ExpensePolicy policy, List<PolicyRule> rules, LocalDate today,
                                LocalDate periodFrom, LocalDate periodTo) {
        List<InputProblem> problems = new ArrayList<>(validation);
        problems.addAll(LineRules.amounts(input.amountYen(), input.foreignAmount(), input.currency(), input.exchangeRate()));
        if (input.categoryId() != null && category == null) {
            problems.add(InputProblem.of("categoryId", "sapphire.line.category.unknown"));
        } else if (category != null) {
            problems.addAll(LineRules.ofCategory(category, input.attendees(), input.routeFrom(), input.routeTo()));
            problems.addAll(LineRules.measures(category, input.nights(), input.tripDays()));
            problems.addAll(LineRules.customFields(fields, category, input.customFields()));
        }
        if (input.spentOn() != null) {
            problems.addAll(LineRules.date(input.spentOn(), today, periodFrom, periodTo));
        }
        if (input.invoiceNumber() != null && !InvoiceNumbers.isValid(input.invoiceNumber())) {
            problems.add(InputProblem.of("invoiceNumber", "sapphire.line.invoice.invalid"));
        }
        ForeignAmount foreign = input.hasForeignAmount()
                ? new ForeignAmount(input.foreignAmount(), input.currency(), input.exchangeRate()) : null;
        long amountYen = 0;
        if (problems.isEmpty()) {
            amountYen = foreign == null ? input.amountYen()
                    : TaxCalculator.yen(foreign.amount(), foreign.rate(), policy.getTaxRounding());
            if (amountYen < 1 || amountYen > 100_000_000) {
                problems.add(InputProblem.of("foreignAmount", "sapphire.line.amount.max"));
            } else if (input.spentOn() != null) {
                problems.addAll(PolicyCheck.missing(rules, new PolicyCheck.Facts(category.getId(), input.spentOn(), amountYen,
                        input.nights(), input.tripDays(), input.attendeeCount(), input.isOverseas(), amountYen)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TaxClass taxClass = input.taxClass() != null ? input.taxClass() : category.getDefaultTaxClass();
        return new Checked(input, category, amountYen, foreign, taxClass,
                TaxCalculator.includedTax(amountYen, taxClass, policy.getTaxRounding()));
    }

    /**
     * What {@code similar} lines with the same date, amount and payee elsewhere in the tenant mean:
     * nothing, a warning, or — if the tenant says so — a refusal.
     */
    public static List<InputProblem> duplicates(long similar, ExpensePolicy policy) {
        if (similar == 0) {
            return List.of();
        }
        InputProblem duplicate = InputProblem.of("amountYen", "sapphire.line.duplicate");
        if (policy.getDuplicatePolicy() == ExpensePolicy.DuplicatePolicy.BLOCK) {
            throw new InvalidInputException(duplicate);
        }
        return List.of(duplicate);
    }
}
