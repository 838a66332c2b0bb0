package jp.sapphire.expense.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.LabelDefinition;
import jp.sapphire.platform.control.InputProblem;

/**
 * The rules of a line and a report that Bean Validation cannot express alone, each answered with
 * the problems it finds (field and message key), none when the input is fine.
 */
public final class LineRules {

    private LineRules() {
    }

    /** Foreign amount, currency and rate come together or not at all; without them a yen amount is needed. */
    public static List<InputProblem> amounts(Long amountYen, BigDecimal foreignAmount, String currency, BigDecimal rate) {
        boolean any = foreignAmount != null || currency != null || rate != null;
        boolean all = foreignAmount != null && currency != null && rate != null;
        if (any && !all) {
            return List.of(InputProblem.of("foreignAmount", "sapphire.line.foreign.incomplete"));
        }
        if (!any && amountYen == null) {
            return List.of(InputProblem.of("amountYen", "sapphire.line.amount.required"));
        }
        return List.of();
    }

    /** What the category's kind asks for: attendees for entertainment, a route for transport. */
    public static List<InputProblem> ofCategory(ExpenseCategory category, String attendees, String routeFrom,
                                                String routeTo) {
        List<InputProblem> problems = new ArrayList<>();
        if (category.getKind() == CategoryKind.ENTERTAINMENT && blank(attendees)) {
            problems.add(InputProblem.of("attendees", "sapphire.line.attendees.required"));
        }
        if (category.getKind() == CategoryKind.TRANSPORT) {
            if (blank(routeFrom)) {
                problems.add(InputProblem.of("routeFrom", "sapphire.line.route.required"));
            }
            if (blank(routeTo)) {
                problems.add(InputProblem.of("routeTo", "sapphire.line.route.required"));
            }
        }
        return problems;
    }

    /** What a stay and a per diem are measured by: the nights of a lodging line, the days of a per-diem line's trip. */
    public static List<InputProblem> measures(ExpenseCategory category, Integer nights, Integer tripDays) {
        if (category.getKind() == CategoryKind.LODGING && nights == null) {
            return List.of(InputProblem.of("nights", "sapphire.line.nights.required"));
        }
        if (category.getKind() == CategoryKind.PER_DIEM && tripDays == null) {
            return List.of(InputProblem.of("tripDays", "sapphire.line.trip-days.required"));
        }
        return List.of();
    }

    /** The date is not in the future (in the member's zone) and inside the report's period if it has one. */
    public static List<InputProblem> date(LocalDate spentOn, LocalDate today, LocalDate periodFrom, LocalDate periodTo) {
        if (spentOn.isAfter(today)) {
            return List.of(InputProblem.of("spentOn", "sapphire.line.date.future"));
        }
        if ((periodFrom != null && spentOn.isBefore(periodFrom)) || (periodTo != null && spentOn.isAfter(periodTo))) {
            return List.of(InputProblem.of("spentOn", "sapphire.line.date.outside-period"));
        }
        return List.of();
    }

    /** Each custom field for the line's category: present if required, of its type; no unknown ones. */
    public static List<InputProblem> customFields(List<CustomField> fields, ExpenseCategory category,
                                                  Map<String, String> values) {
        List<InputProblem> problems = new ArrayList<>();
        List<CustomField> applicable = fields.stream().filter(field -> field.appliesTo(category)).toList();
        for (String key : values.keySet()) {
            if (applicable.stream().noneMatch(field -> field.getKey().equals(key))) {
                problems.add(InputProblem.of("customFields." + key, "sapphire.line.field.unknown"));
            }
        }
        for (CustomField field : applicable) {
            String value = values.get(field.getKey());
            String path = "customFields." + field.getKey();
            if (blank(value)) {
                if (field.isRequired()) {
                    problems.add(InputProblem.of(path, "sapphire.line.field.required", "name", field.getName()));
                }
            } else if (!fits(field, value.strip())) {
                problems.add(new InputProblem(path, "sapphire.line.field." + field.getType().name().toLowerCase(),
                        Map.of("name", field.getName())));
            }
        }
        return problems;
    }

    /** Each label is defined by the tenant, and its value one it allows. */
    public static List<InputProblem> labels(List<LabelDefinition> definitions, Map<String, String> values) {
        List<InputProblem> problems = new ArrayList<>();
        values.forEach((key, value) -> {
            var definition = definitions.stream().filter(d -> d.getKey().equals(key)).findFirst();
            if (definition.isEmpty()) {
                problems.add(InputProblem.of("labels." + key, "sapphire.report.label.unknown"));
            } else if (!definition.get().getAllowedValues().isEmpty()
                    && !definition.get().getAllowedValues().contains(value)) {
                problems.add(InputProblem.of("labels." + key, "sapphire.report.label.value.not-allowed", "name",
                        definition.get().getName()));
            }
        });
        return problems;
    }

    private static boolean fits(CustomField field, String value) {
        return switch (field.getType()) {
            case TEXT -> value.length() <= 1000;
            case NUMBER -> isNumber(value);
            case DATE -> isDate(value);
            case CHOICE -> field.getChoices().contains(value);
        };
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return value.length() <= 30;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
