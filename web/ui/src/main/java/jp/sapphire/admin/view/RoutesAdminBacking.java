package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.admin.boundary.FormConfiguration;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.entity.ApprovalCondition;
import jp.sapphire.approval.entity.ApprovalRoute;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.approval.entity.ApproverKind;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;

/**
 * {@code /app/admin/routes.xhtml[?id=]}: approval routes listed, defined and changed (name,
 * priority, effective dates, condition, up to {@value #ROWS} steps each with its approver and
 * condition), and a preview of the route and approvers a sample report would get.
 */
@Named("routesAdmin")
@ViewScoped
public class RoutesAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Step rows on the form. */
    static final int ROWS = 6;
    private static final String FORM = "route:";

    @EJB
    transient FormConfiguration configuration;

    @EJB
    transient Masters masters;

    @EJB
    transient Members members;

    /** A route's or a step's condition as typed: total at least, category codes (comma-separated), department. */
    public static class Condition implements Serializable {

        private static final long serialVersionUID = 1L;
        private String minTotal;
        private String categories;
        private UUID department;

        ApprovalCondition parse(String path, List<InputProblem> problems) {
            Long min = number(minTotal, path + "minTotalYen", problems);
            Set<String> codes = new LinkedHashSet<>();
            if (categories != null) {
                Arrays.stream(categories.split("[,、\\s]+")).map(String::strip).filter(code -> !code.isEmpty()).forEach(codes::add);
            }
            return new ApprovalCondition(min, codes, department);
        }

        void fill(ApprovalCondition condition) {
            minTotal = condition == null || condition.getMinTotalYen() == null ? null : condition.getMinTotalYen().toString();
            categories = condition == null ? null : String.join(",", condition.getCategoryCodes());
            department = condition == null ? null : condition.getDepartmentId();
        }

        public String getMinTotal() {
            return minTotal;
        }

        public void setMinTotal(String minTotal) {
            this.minTotal = minTotal;
        }

        public String getCategories() {
            return categories;
        }

        public void setCategories(String categories) {
            this.categories = categories;
        }

        public UUID getDepartment() {
            return department;
        }

        public void setDepartment(UUID department) {
            this.department = department;
        }
    }

    /** One step row; a row without a name is left out. */
    public static class Step implements Serializable {

        private static final long serialVersionUID = 1L;
        private String name;
        private ApproverKind kind = ApproverKind.MANAGER;
        private String levels = "1";
        private UUID member;
        private Role role;
        private final Condition condition = new Condition();

        boolean isBlank() {
            return name == null || name.isBlank();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public ApproverKind getKind() {
            return kind;
        }

        public void setKind(ApproverKind kind) {
            this.kind = kind;
        }

        public String getLevels() {
            return levels;
        }

        public void setLevels(String levels) {
            this.levels = levels;
        }

        public UUID getMember() {
            return member;
        }

        public void setMember(UUID member) {
            this.member = member;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public Condition getCondition() {
            return condition;
        }
    }

    private UUID id;
    private String name;
    private String priority = "100";
    private String validFrom;
    private String validTo;
    private final Condition condition = new Condition();
    private final List<Step> steps = new ArrayList<>();

    private UUID applicant;
    private String sampleTotal = "10000";
    private List<String> sampleCategories = new ArrayList<>();
    private String sampleDay;
    private transient FormConfiguration.Preview preview;

    @Inject
    CurrentMember current;

    public RoutesAdminBacking() {
        while (steps.size() < ROWS) {
            steps.add(new Step());
        }
    }

    @PostConstruct
    void today() {
        validFrom = current.today().toString();
        sampleDay = validFrom;
    }

    /** Fills the form from the route being edited, on opening the page. */
    public void load() {
        if (id == null) {
            return;
        }
        try {
            ApprovalRoute route = configuration.route(id);
            name = route.getName();
            priority = Integer.toString(route.getPriority());
            validFrom = route.getValidFrom().toString();
            validTo = route.getValidTo() == null ? null : route.getValidTo().toString();
            condition.fill(route.getCondition());
            steps.clear();
            for (ApprovalRouteStep defined : route.getSteps()) {
                Step step = new Step();
                step.name = defined.getName();
                step.kind = defined.getKind();
                step.levels = defined.getManagerLevels() == null ? "1" : defined.getManagerLevels().toString();
                step.member = defined.getMemberId();
                step.role = defined.getRole();
                step.condition.fill(defined.getCondition());
                steps.add(step);
            }
            do {
                steps.add(new Step());
            } while (steps.size() < ROWS);
        } catch (NotFoundException gone) {
            id = null;
        }
    }

    public void save() {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> clientIds = new HashMap<>(Map.of("name", FORM + "name", "validFrom", FORM + "validFrom",
                "validTo", FORM + "validTo", "priority", FORM + "priority", "minTotalYen", FORM + "minTotal",
                "categoryCodes", FORM + "categories", "departmentId", FORM + "department"));
        Long order = number(priority, "priority", problems);
        if (order == null && (priority == null || priority.isBlank())) {
            problems.add(InputProblem.of("priority", "sapphire.form.number"));
        }
        LocalDate from = date(validFrom, "validFrom", problems);
        LocalDate to = date(validTo, "validTo", problems);
        ApprovalCondition routeCondition = condition.parse("", problems);
        List<ApprovalRouteStep.Definition> definitions = new ArrayList<>();
        for (int row = 0; row < steps.size(); row++) {
            Step step = steps.get(row);
            if (step.isBlank()) {
                continue;
            }
            String path = "steps[" + (definitions.size() + 1) + "].";
            String rowId = FORM + "steps:" + row + ":";
            clientIds.putAll(Map.of(path + "name", rowId + "name", path + "approver", rowId + "kind",
                    path + "minTotalYen", rowId + "minTotal", path + "categoryCodes", rowId + "categories",
                    path + "departmentId", rowId + "department", path + "levels", rowId + "levels"));
            Long levels = step.kind == ApproverKind.MANAGER ? number(step.levels, path + "levels", problems) : null;
            definitions.add(new ApprovalRouteStep.Definition(step.name.strip(), step.kind,
                    levels == null ? null : (int) Math.min(levels, 100), step.kind == ApproverKind.MEMBER ? step.member : null,
                    step.kind == ApproverKind.ROLE ? step.role : null, step.condition.parse(path, problems)));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            ApprovalRoute saved = configuration.saveRoute(id, new ApprovalRoutes.RouteInput(name,
                    (int) Math.min(order, Integer.MAX_VALUE), from, to, routeCondition, definitions));
            FacesProblems.confirm("admin.routes.saved", saved.getName());
            id = saved.getId();
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, clientIds);
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.form.not-found");
        }
    }

    public void preview() {
        List<InputProblem> problems = new ArrayList<>();
        Long total = number(sampleTotal, "totalYen", problems);
        LocalDate day = date(sampleDay, "day", problems);
        Map<String, String> clientIds = Map.of("applicant", "preview:applicant", "totalYen", "preview:total",
                "day", "preview:day");
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            preview = configuration.preview(new FormConfiguration.Sample(applicant, total, Set.copyOf(sampleCategories), day));
        } catch (InvalidInputException invalid) {
            preview = null;
            FacesProblems.show(invalid, clientIds);
        } catch (Refusal refusal) {
            preview = null;
            FacesProblems.show(refusal);
        }
    }

    /** A whole number of at most 15 digits, or null when blank. */
    static Long number(String text, String field, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip().replace(",", "");
        if (!digits.matches("\\d{1,15}")) {
            problems.add(InputProblem.of(field, "sapphire.form.number"));
            return null;
        }
        return Long.parseLong(digits);
    }

    /** A day as yyyy-MM-dd, or null when blank. */
    static LocalDate date(String text, String field, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of(field, "sapphire.form.date"));
            return null;
        }
    }

    public List<ApprovalRoute> getRoutes() {
        return configuration.routes();
    }

    public List<Department> getDepartments() {
        return masters.departments();
    }

    public List<ExpenseCategory> getCategories() {
        return masters.categories();
    }

    public List<Member> getMembers() {
        return members.active();
    }

    public ApproverKind[] getKinds() {
        return ApproverKind.values();
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public boolean isEditing() {
        return id != null;
    }

    public FormConfiguration.Preview getPreview() {
        return preview;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }

    public String getValidTo() {
        return validTo;
    }

    public void setValidTo(String validTo) {
        this.validTo = validTo;
    }

    public Condition getCondition() {
        return condition;
    }

    public List<Step> getSteps() {
        return steps;
    }

    public UUID getApplicant() {
        return applicant;
    }

    public void setApplicant(UUID applicant) {
        this.applicant = applicant;
    }

    public String getSampleTotal() {
        return sampleTotal;
    }

    public void setSampleTotal(String sampleTotal) {
        this.sampleTotal = sampleTotal;
    }

    public List<String> getSampleCategories() {
        return sampleCategories;
    }

    public void setSampleCategories(List<String> sampleCategories) {
        this.sampleCategories = sampleCategories;
    }

    public String getSampleDay() {
        return sampleDay;
    }

    public void setSampleDay(String sampleDay) {
        this.sampleDay = sampleDay;
    }
}
