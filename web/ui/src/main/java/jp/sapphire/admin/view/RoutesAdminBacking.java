package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.admin.boundary.FormConfiguration;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.entity.ApprovalRoute;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.approval.entity.ApproverKind;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/admin/routes.xhtml[?id=]}: approval routes (承認ルート) listed, defined and changed
 * (name, priority, effective dates, condition, up to {@value #MAX_ROWS} steps each with its
 * approver and condition, added, removed and moved up or down on the form; a blank step is not sent). Numbers and days are read by the page's converters; the preview on the same
 * page is {@link RoutePreviewBacking}.
 */
@Named("routesAdmin")
@ViewScoped
@ReadAgainAfterMove
public class RoutesAdminBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;
    /** Step rows the form offers at most. */
    static final int MAX_ROWS = 10;
    private static final String FORM = "route:";
    /** A condition's fields as the boundary names them, and their inputs in route-condition.xhtml. */
    private static final Map<String, String> CONDITION_INPUTS = Map.of("minTotalYen", "minTotal",
            "categoryCodes", "categories", "departmentId", "department");

    @EJB
    FormConfiguration configuration;

    @EJB
    Masters masters;

    @EJB
    Members members;

    @Inject
    CurrentMember current;

    private UUID id;
    private String name;
    private Long priority = 100L;
    private LocalDate validFrom;
    private LocalDate validTo;
    private final RouteConditionForm condition = new RouteConditionForm();
    private final List<RouteStepForm> steps = new ArrayList<>();

    private transient List<ApprovalRoute> routes;
    private transient List<Department> departments;
    private transient List<Member> activeMembers;

    public RoutesAdminBacking() {
        steps.add(new RouteStepForm());
    }

    /** What the page lists and offers, read once for the view; a new route takes effect today. */
    @PostConstruct
    void lookups() {
        validFrom = current.today();
        routes = configuration.routes();
        departments = masters.departments();
        activeMembers = members.active();
    }

    /** f:viewAction: fills the form from the route named by {@code id}; one not found leaves the form for a new one. */
    public void load() {
        if (id == null) {
            return;
        }
        try {
            ApprovalRoute route = configuration.route(id);
            name = route.getName();
            priority = (long) route.getPriority();
            validFrom = route.getValidFrom();
            validTo = route.getValidTo();
            condition.fill(route.getCondition());
            steps.clear();
            route.getSteps().stream().map(RouteStepForm::of).forEach(steps::add);
            if (steps.isEmpty()) {
                steps.add(new RouteStepForm());
            }
        } catch (NotFoundException gone) {
            id = null;
        }
    }

    /** One more blank step at the end (up to {@value #MAX_ROWS}). */
    public void addStep() {
        if (steps.size() < MAX_ROWS) {
            steps.add(new RouteStepForm());
        }
    }

    /** The step leaves the form (the last one left is only emptied). */
    public void removeStep(int row) {
        steps.remove(row);
        if (steps.isEmpty()) {
            steps.add(new RouteStepForm());
        }
    }

    /** The step trades places with the one above ({@code by} -1) or below (+1). */
    public void moveStep(int row, int by) {
        int to = row + by;
        if (to >= 0 && to < steps.size()) {
            steps.add(to, steps.remove(row));
        }
    }

    public boolean isMayAddStep() {
        return steps.size() < MAX_ROWS;
    }

    public void save() {
        if (priority == null) {
            // The boundary takes a number: a blank priority is refused as one that is no number.
            FacesProblems.show(new InvalidInputException(InputProblem.of("priority", "sapphire.form.number")),
                    Map.of("priority", FORM + "priority"));
            return;
        }
        List<Integer> rows = new ArrayList<>();
        List<ApprovalRouteStep.Definition> definitions = new ArrayList<>();
        for (int row = 0; row < steps.size(); row++) {
            if (!steps.get(row).isBlank()) {
                rows.add(row);
                definitions.add(steps.get(row).toDefinition());
            }
        }
        try {
            ApprovalRoute saved = configuration.saveRoute(id, new ApprovalRoutes.RouteInput(name,
                    (int) Math.min(priority, Integer.MAX_VALUE), validFrom, validTo, condition.toCondition(),
                    definitions));
            FacesProblems.confirm("admin.routes.saved", saved.getName());
            id = saved.getId();
            routes = configuration.routes();
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, clientIds(rows));
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.form.not-found");
        }
    }

    /**
     * Where the boundary's fields are on the form. {@code rows} are the form rows of the steps sent,
     * in order: blank rows are not sent, and the boundary counts the steps it got from 1.
     */
    private static Map<String, String> clientIds(List<Integer> rows) {
        Map<String, String> ids = new HashMap<>(Map.of("name", FORM + "name", "validFrom", FORM + "validFrom",
                "validTo", FORM + "validTo"));
        CONDITION_INPUTS.forEach((field, input) -> ids.put(field, FORM + input));
        for (int i = 0; i < rows.size(); i++) {
            String path = "steps[" + (i + 1) + "].";
            String row = FORM + "steps:" + rows.get(i) + ":";
            ids.put(path + "name", row + "name");
            ids.put(path + "approver", row + "kind");
            CONDITION_INPUTS.forEach((field, input) -> ids.put(path + field, row + input));
        }
        return ids;
    }

    public List<ApprovalRoute> getRoutes() {
        return routes;
    }

    public List<Department> getDepartments() {
        return departments;
    }

    /** The active members: approvers a step may name, and applicants the preview may take. */
    public List<Member> getMembers() {
        return activeMembers;
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

    public Long getPriority() {
        return priority;
    }

    public void setPriority(Long priority) {
        this.priority = priority;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public RouteConditionForm getCondition() {
        return condition;
    }

    public List<RouteStepForm> getSteps() {
        return steps;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        routes = configuration.routes();
        departments = masters.departments();
        activeMembers = members.active();
    }
}
