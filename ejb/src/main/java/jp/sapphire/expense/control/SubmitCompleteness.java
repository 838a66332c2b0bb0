package jp.sapphire.expense.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.platform.control.InputProblem;

/**
 * What a report needs before it can be submitted (申請): at least one line; a receipt on every line
 * but fares when the tenant requires receipts; every required custom field of each line filled
 * in, of its type; no policy rule broken that blocks, and a reason for each one that warns.
 * Each problem names its line ({@code lines[N]...}).
 */
public final class SubmitCompleteness {

    private SubmitCompleteness() {
    }

    public static List<InputProblem> problems(ExpenseReport report, ExpensePolicy policy, List<CustomField> fields,
                                              List<PolicyRule> rules, Predicate<ExpenseLine> hasReceipts) {
        List<InputProblem> problems = new ArrayList<>();
        if (report.getLines().isEmpty()) {
            problems.add(InputProblem.of("lines", "sapphire.report.submit.no-lines"));
        }
        for (ExpenseLine line : report.getLines()) {
            String path = "lines[" + line.getLineNo() + "]";
            if (policy.isReceiptRequired() && line.getCategory().getKind() != CategoryKind.TRANSPORT && !hasReceipts.test(line)) {
                problems.add(InputProblem.of(path, "sapphire.report.submit.receipt-missing", "line", line.getLineNo()));
            }
            Map<String, String> values = new HashMap<>();
            line.getFields().forEach(value -> values.put(value.getField().getKey(), value.getValue()));
            LineRules.customFields(fields, line.getCategory(), values).forEach(problem ->
                    problems.add(new InputProblem(path + "." + problem.field(), problem.messageKey(), problem.arguments())));
            problems.addAll(PolicyCheck.forSubmission(line, rules, path));
        }
        return problems;
    }
}
