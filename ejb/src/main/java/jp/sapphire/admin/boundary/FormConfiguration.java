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
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.LabelDefinition;
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
 * report would take. Every change is one transaction with its privileged activity entry. A key,
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
