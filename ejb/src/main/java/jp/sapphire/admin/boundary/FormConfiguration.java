package jp.sapphire.admin.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jp.sapphire.admin.control.PrivilegedLog;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.control.RouteResolver;
import jp.sapphire.approval.control.Workflow;
import jp.sapphire.approval.entity.ApprovalCondition;
import jp.sapphire.approval.entity.ApprovalRoute;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.approval.entity.ApproverKind;
import jp.sapphire.expense.control.LineRules;
import jp.sapphire.expense.control.PolicyCheck.Breach;
import jp.sapphire.expense.control.PolicyCheck;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.LabelDefinition;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.identity.control.AdminOnly;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;

/**
 * The expense form as a tenant administrator configures it: custom fields on lines (type,
 * required, for one category or every line), labels on reports (key and allowed values) and
 * approval routes (steps, conditions, effective dates), with a preview of the route a sample
 * report would take, and policy rules (limits per category, effective dates), with a simulator of
 * what a sample line goes beyond. Every change is one transaction with its privileged activity entry. A key,
 * once defined, never changes: stored values refer to it.
 */
@Stateless
@AdminOnly
@DeclareRoles("TENANT_ADMIN")
public class FormConfiguration {

    static final String KEY_PATTERN = "[a-z0-9][a-z0-9_-]{0,49}";

    /** A custom field as the form sends it; {@code choices} one per line, for a CHOICE field. */
    public record FieldInput(String key, String name, CustomField.Type type, boolean required, String choices,
                             UUID categoryId) {
    }

    /** A label as the form sends it; {@code allowedValues} one per line, none for free text. */
    public record LabelInput(String key, String name, String allowedValues) {
    }

    /** A policy rule as the form sends it; {@code minDays}/{@code maxDays} for a per-trip-day rule only. */
    public record RuleInput(String name, UUID categoryId, PolicyRule.Basis basis, PolicyRule.Region region, Long limitYen,
                            Integer minDays, Integer maxDays, PolicyRule.Action action, LocalDate validFrom,
                            LocalDate validTo) {
    }

    /** The sample line of the rule simulator. */
    public record SampleLine(UUID categoryId, LocalDate spentOn, Long amountYen, Integer nights, Integer tripDays,
                             Integer attendeeCount, boolean overseas) {
    }

    /** What the simulator found: the measures a rule needs that the sample lacks, and the rules it goes beyond. */
    public record Simulation(List<InputProblem> missing, List<Breach> breaches) {

        public List<InputProblem> getMissing() {
            return missing;
        }

        public List<Breach> getBreaches() {
            return breaches;
        }
    }

    /** The sample report of a route preview. */
    public record Sample(UUID applicantId, Long totalYen, Set<String> categoryCodes, LocalDate day) {
    }

    /** What a preview found: the route and each step with whoever would decide it. */
    public record Preview(String route, List<PreviewStep> steps) {

        // Jakarta EL 5 reads properties through getters only.

        public String getRoute() {
            return route;
        }

        public List<PreviewStep> getSteps() {
            return steps;
        }
    }

    /** A step of a preview: a named approver, or a role whose holders may decide. */
    public record PreviewStep(int stepNo, String name, ApproverKind kind, String approver, Role role) {

        public int getStepNo() {
            return stepNo;
        }

        public String getName() {
            return name;
        }

        public String getApprover() {
            return approver;
        }

        public Role getRole() {
            return role;
        }
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    ApprovalRoutes routes;

    @Inject
    Workflow workflow;

    @Inject
    PrivilegedLog log;

    // ----- custom fields

    public List<CustomField> fields() {
        return em.createNamedQuery(CustomField.ALL, CustomField.class).getResultList();
    }

    /** Defines a field ({@code id} null) or changes one; its key is kept on a change. */
    public CustomField saveField(UUID id, FieldInput input) {
        CustomField existing = id == null ? null : find(CustomField.class, id, "custom field");
        List<InputProblem> problems = new ArrayList<>();
        if (existing == null) {
            checkKey(input.key(), problems, em.createQuery("SELECT COUNT(f) FROM CustomField f WHERE f.key = :key", Long.class));
        }
        checkName(input.name(), problems);
        if (input.type() == null) {
            problems.add(InputProblem.of("type", "sapphire.form.field.type"));
        }
        List<String> choices = lines(input.choices());
        if (input.type() == CustomField.Type.CHOICE) {
            checkValues("choices", choices, problems);
        }
        ExpenseCategory category = input.categoryId() == null ? null : em.find(ExpenseCategory.class, input.categoryId());
        if (input.categoryId() != null && category == null) {
            problems.add(InputProblem.of("category", "sapphire.form.field.category"));
        }
        if (existing != null && input.type() != null && existing.getType() != input.type() && isInUse(existing)) {
            problems.add(InputProblem.of("type", "sapphire.form.field.type.in-use"));
        }
        refuseIf(problems);
        List<String> kept = input.type() == CustomField.Type.CHOICE ? choices : List.of();
        return save("FIELD", existing,
                () -> new CustomField(input.key().strip(), input.name().strip(), input.type(), input.required(), kept, category),
                field -> field.describe(input.name().strip(), input.type(), input.required(), kept, category),
                CustomField::getKey, FormConfiguration::describe);
    }

    private boolean isInUse(CustomField field) {
        return em.createQuery("SELECT COUNT(v) FROM ExpenseLineField v WHERE v.field = :field", Long.class)
                .setParameter("field", field).getSingleResult() > 0;
    }

    // ----- labels

    public List<LabelDefinition> labels() {
        return em.createNamedQuery(LabelDefinition.ALL, LabelDefinition.class).getResultList();
    }

    public LabelDefinition saveLabel(UUID id, LabelInput input) {
        LabelDefinition existing = id == null ? null : find(LabelDefinition.class, id, "label");
        List<InputProblem> problems = new ArrayList<>();
        if (existing == null) {
            checkKey(input.key(), problems,
                    em.createQuery("SELECT COUNT(l) FROM LabelDefinition l WHERE l.key = :key", Long.class));
        }
        checkName(input.name(), problems);
        List<String> values = lines(input.allowedValues());
        if (!values.isEmpty()) {
            checkValues("allowedValues", values, problems);
        }
        refuseIf(problems);
        return save("LABEL", existing, () -> new LabelDefinition(input.key().strip(), input.name().strip(), values),
                label -> label.describe(input.name().strip(), values), LabelDefinition::getKey, FormConfiguration::describe);
    }

    // ----- policy rules (経費規程)

    public List<PolicyRule> rules() {
        return em.createNamedQuery(PolicyRule.ALL, PolicyRule.class).getResultList();
    }

    public PolicyRule rule(UUID id) {
        return find(PolicyRule.class, id, "policy rule");
    }

    /**
     * Defines a rule ({@code id} null) or changes one. A per-night rule is for a lodging category,
     * a per-attendee rule for entertainment, a per-trip-day rule (日当) for a per-diem category.
     */
    public PolicyRule saveRule(UUID id, RuleInput input) {
        PolicyRule existing = id == null ? null : rule(id);
        List<InputProblem> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank() || input.name().strip().length() > 200) {
            problems.add(InputProblem.of("name", "sapphire.rule.name"));
        }
        ExpenseCategory category = input.categoryId() == null ? null : em.find(ExpenseCategory.class, input.categoryId());
        if (category == null) {
            problems.add(InputProblem.of("category", "sapphire.rule.category"));
        }
        if (input.basis() == null) {
            problems.add(InputProblem.of("basis", "sapphire.rule.basis"));
        } else if (category != null && !input.basis().fits(category.getKind())) {
            problems.add(InputProblem.of("basis", "sapphire.rule.basis." + input.basis().name().toLowerCase(Locale.ROOT)));
        }
        if (input.limitYen() == null || input.limitYen() < 0 || input.limitYen() > 100_000_000) {
            problems.add(InputProblem.of("limitYen", "sapphire.rule.limit"));
        }
        checkDays("minDays", input.minDays(), problems);
        checkDays("maxDays", input.maxDays(), problems);
        if (input.minDays() != null && input.maxDays() != null && input.minDays() > input.maxDays()) {
            problems.add(InputProblem.of("maxDays", "sapphire.rule.days.order"));
        }
        if ((input.minDays() != null || input.maxDays() != null) && input.basis() != PolicyRule.Basis.TRIP_DAY) {
            problems.add(InputProblem.of(input.minDays() != null ? "minDays" : "maxDays", "sapphire.rule.days.per-diem-only"));
        }
        if (input.action() == null) {
            problems.add(InputProblem.of("action", "sapphire.rule.action"));
        }
        if (input.validFrom() == null) {
            problems.add(InputProblem.of("validFrom", "sapphire.route.valid-from.required"));
        } else if (input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
            problems.add(InputProblem.of("validTo", "sapphire.route.valid-to.order"));
        }
        refuseIf(problems);
        PolicyRule.Region region = input.region() == null ? PolicyRule.Region.ANY : input.region();
        Consumer<PolicyRule> describe = rule -> rule.describe(input.name().strip(), category, input.basis(), region,
                input.limitYen(), input.minDays(), input.maxDays(), input.action(), input.validFrom(), input.validTo());
        return save("POLICY_RULE", existing, () -> {
            PolicyRule rule = new PolicyRule(input.name().strip(), category);
            describe.accept(rule);
            return rule;
        }, describe, PolicyRule::getName, FormConfiguration::describe);
    }

    /** Removes a rule; reports are measured by the rules there are when they are looked at or submitted. */
    public void removeRule(UUID id) {
        PolicyRule rule = rule(id);
        log.record("POLICY_RULE_REMOVED", rule.getName(), describe(rule), null);
        em.remove(rule);
    }

    /**
     * The rules a sample line goes beyond, and the measures they need that it lacks: what saving
     * such a line warns of and what submitting a report holding only it would refuse.
     */
    public Simulation simulate(SampleLine sample) {
        List<InputProblem> problems = new ArrayList<>();
        ExpenseCategory category = sample.categoryId() == null ? null : em.find(ExpenseCategory.class, sample.categoryId());
        if (category == null) {
            problems.add(InputProblem.of("category", "sapphire.rule.category"));
        }
        if (sample.spentOn() == null) {
            problems.add(InputProblem.of("spentOn", "sapphire.line.date.required"));
        }
        if (sample.amountYen() == null || sample.amountYen() < 1 || sample.amountYen() > 100_000_000) {
            problems.add(InputProblem.of("amountYen", "sapphire.line.amount.max"));
        }
        checkDays("nights", sample.nights(), problems);
        checkDays("tripDays", sample.tripDays(), problems);
        if (sample.attendeeCount() != null && (sample.attendeeCount() < 1 || sample.attendeeCount() > 1000)) {
            problems.add(InputProblem.of("attendeeCount", "sapphire.line.attendee-count.range"));
        }
        refuseIf(problems);
        PolicyCheck.Facts facts = new PolicyCheck.Facts(category.getId(), sample.spentOn(), sample.amountYen(), sample.nights(),
                sample.tripDays(), sample.attendeeCount(), sample.overseas(), sample.amountYen());
        List<PolicyRule> rules = rules();
        List<InputProblem> missing = new ArrayList<>(LineRules.measures(category, sample.nights(), sample.tripDays()));
        PolicyCheck.missing(rules, facts).stream().filter(problem -> !missing.contains(problem)).forEach(missing::add);
        return new Simulation(missing, PolicyCheck.breaches(rules, facts));
    }

    private static void checkDays(String field, Integer days, List<InputProblem> problems) {
        if (days != null && (days < 1 || days > 366)) {
            problems.add(InputProblem.of(field, "sapphire.rule.days.range"));
        }
    }

    // ----- approval routes

    public List<ApprovalRoute> routes() {
        return routes.all();
    }

    public ApprovalRoute route(UUID id) {
        ApprovalRoute route = find(ApprovalRoute.class, id, "route");
        route.getSteps().size();
        return route;
    }

    /** Defines a route ({@code id} null) or changes one; reports already submitted keep the steps they resolved. */
    public ApprovalRoute saveRoute(UUID id, ApprovalRoutes.RouteInput input) {
        return save("ROUTE", id == null ? null : route(id), () -> routes.define(input), route -> {
            routes.change(id, input);
            em.flush();
        }, ApprovalRoute::getName, this::describe);
    }

    /** The route and approvers a sample report would get, as a submission would resolve them now. */
    public Preview preview(Sample sample) {
        List<InputProblem> problems = new ArrayList<>();
        Member applicant = sample.applicantId() == null ? null : em.find(Member.class, sample.applicantId());
        if (applicant == null) {
            problems.add(InputProblem.of("applicant", "sapphire.form.preview.applicant"));
        }
        if (sample.totalYen() == null || sample.totalYen() < 0) {
            problems.add(InputProblem.of("totalYen", "sapphire.form.preview.total"));
        }
        if (sample.day() == null) {
            problems.add(InputProblem.of("day", "sapphire.form.preview.day"));
        }
        refuseIf(problems);
        RouteResolver.Resolution resolution = workflow.resolve(applicant, sample.totalYen(),
                sample.categoryCodes() == null ? Set.of() : sample.categoryCodes(), sample.day());
        return new Preview(resolution.route().getName(), resolution.steps().stream()
                .map(step -> new PreviewStep(step.stepNo(), step.name(), step.kind(),
                        step.approverId() == null ? null : nameOf(step.approverId()), step.role()))
                .toList());
    }

    // ----- shared

    /**
     * Persists a new definition, or changes an existing one; the privileged activity log gets
     * {@code <WHAT>_DEFINED}, or {@code <WHAT>_CHANGED} with before and after when it did change.
     */
    private <T> T save(String what, T existing, Supplier<T> created, Consumer<T> change, Function<T, String> key,
                       Function<T, String> describe) {
        if (existing == null) {
            T definition = created.get();
            em.persist(definition);
            log.record(what + "_DEFINED", key.apply(definition), null, describe.apply(definition));
            return definition;
        }
        String before = describe.apply(existing);
        change.accept(existing);
        String after = describe.apply(existing);
        if (!before.equals(after)) {
            log.record(what + "_CHANGED", key.apply(existing), before, after);
        }
        return existing;
    }

    private String nameOf(UUID member) {
        Member found = em.find(Member.class, member);
        return found == null ? member.toString() : found.getDisplayName();
    }

    private <T> T find(Class<T> type, UUID id, String what) {
        T found = em.find(type, id);
        if (found == null) {
            throw new NotFoundException(what);
        }
        return found;
    }

    private static void checkKey(String key, List<InputProblem> problems, jakarta.persistence.TypedQuery<Long> taken) {
        if (key == null || !key.strip().matches(KEY_PATTERN)) {
            problems.add(InputProblem.of("key", "sapphire.form.key"));
        } else if (taken.setParameter("key", key.strip()).getSingleResult() > 0) {
            problems.add(InputProblem.of("key", "sapphire.form.key.taken", "key", key.strip()));
        }
    }

    private static void checkName(String name, List<InputProblem> problems) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            problems.add(InputProblem.of("name", "sapphire.form.name"));
        }
    }

    private static void checkValues(String field, List<String> values, List<InputProblem> problems) {
        if (values.isEmpty()) {
            problems.add(InputProblem.of(field, "sapphire.form.values.required"));
        } else if (values.stream().anyMatch(value -> value.length() > 100) || new HashSet<>(values).size() < values.size()
                || String.join("\n", values).length() > 4000) {
            problems.add(InputProblem.of(field, "sapphire.form.values"));
        }
    }

    /** The non-blank lines of a text area, stripped. */
    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static void refuseIf(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String describe(CustomField field) {
        return field.getName() + ", " + field.getType() + (field.isRequired() ? ", required" : ", optional")
                + (field.getChoices().isEmpty() ? "" : ", choices=" + field.getChoices())
                + ", category=" + (field.getCategory() == null ? "all" : field.getCategory().getCode());
    }

    private static String describe(PolicyRule rule) {
        return rule.getName() + ", " + rule.getCategory().getCode() + ", " + rule.getBasis() + " " + rule.getLimitYen() + " yen, "
                + rule.getRegion()
                + (rule.getMinDays() == null && rule.getMaxDays() == null ? ""
                        : ", days " + Objects.toString(rule.getMinDays(), "") + ".." + Objects.toString(rule.getMaxDays(), ""))
                + ", " + rule.getAction() + ", " + rule.getValidFrom() + " .. " + Objects.toString(rule.getValidTo(), "");
    }

    private static String describe(LabelDefinition label) {
        return label.getName() + (label.getAllowedValues().isEmpty() ? ", any text" : ", values=" + label.getAllowedValues());
    }

    private String describe(ApprovalRoute route) {
        return "priority " + route.getPriority() + ", " + route.getValidFrom() + " .. "
                + Objects.toString(route.getValidTo(), "") + condition(route.getCondition()) + ", steps: "
                + route.getSteps().stream().map(step -> step.getStepNo() + ". " + step.getName() + " ["
                        + approver(step) + condition(step.getCondition()) + "]").collect(Collectors.joining(" "));
    }

    private String approver(ApprovalRouteStep step) {
        return switch (step.getKind()) {
            case MANAGER -> "manager +" + step.getManagerLevels();
            case MEMBER -> "member " + nameOf(step.getMemberId());
            case ROLE -> "role " + step.getRole();
        };
    }

    private String condition(ApprovalCondition condition) {
        if (condition == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (condition.getMinTotalYen() != null) {
            parts.add("total >= " + condition.getMinTotalYen());
        }
        if (!condition.getCategoryCodes().isEmpty()) {
            parts.add("categories " + condition.getCategoryCodes());
        }
        if (condition.getDepartmentId() != null) {
            Department department = em.find(Department.class, condition.getDepartmentId());
            parts.add("department " + (department == null ? condition.getDepartmentId() : department.getCode()));
        }
        return parts.isEmpty() ? "" : ", if " + String.join(" and ", parts);
    }
}
