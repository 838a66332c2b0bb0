package jp.sapphire.approval.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.approval.entity.ApprovalCondition;
import jp.sapphire.approval.entity.ApprovalRoute;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;

/**
 * The tenant's approval routes (承認ルート): the rules a route must follow, and their storage.
 * Changing a route never touches reports in flight: each submission keeps the steps it resolved.
 * Only the console's {@code admin.boundary.FormConfiguration} writes routes, with its privileged log.
 */
@ApplicationScoped
public class ApprovalRoutes {

    /** A route as defined: name, priority (lower wins), days in effect, condition, steps in order. */
    public record RouteInput(String name, int priority, LocalDate validFrom, LocalDate validTo, ApprovalCondition condition,
                             List<ApprovalRouteStep.Definition> steps) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    public List<ApprovalRoute> all() {
        List<ApprovalRoute> routes = em.createQuery("SELECT r FROM ApprovalRoute r ORDER BY r.priority, r.name",
                ApprovalRoute.class).getResultList();
        routes.forEach(route -> route.getSteps().size());
        return routes;
    }

    public ApprovalRoute define(RouteInput input) {
        check(input);
        ApprovalRoute route = new ApprovalRoute(input.name().strip(), input.priority(), input.validFrom(), input.validTo(),
                condition(input.condition()));
        route.setSteps(input.steps());
        em.persist(route);
        return route;
    }

    public ApprovalRoute change(UUID id, RouteInput input) {
        ApprovalRoute route = em.find(ApprovalRoute.class, id);
        if (route == null) {
            throw new NotFoundException("route");
        }
        check(input);
        route.describe(input.name().strip(), input.priority(), input.validFrom(), input.validTo(), condition(input.condition()));
        route.setSteps(input.steps());
        return route;
    }

    private static ApprovalCondition condition(ApprovalCondition condition) {
        return condition == null ? ApprovalCondition.always() : condition;
    }

    private void check(RouteInput input) {
        List<InputProblem> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank() || input.name().strip().length() > 200) {
            problems.add(InputProblem.of("name", "sapphire.route.name"));
        }
        if (input.validFrom() == null) {
            problems.add(InputProblem.of("validFrom", "sapphire.route.valid-from.required"));
        } else if (input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
            problems.add(InputProblem.of("validTo", "sapphire.route.valid-to.order"));
        }
        if (input.steps() == null || input.steps().isEmpty()) {
            problems.add(InputProblem.of("steps", "sapphire.route.steps.required"));
        } else {
            for (int i = 0; i < input.steps().size(); i++) {
                problems.addAll(checkStep("steps[" + (i + 1) + "]", input.steps().get(i)));
            }
        }
        problems.addAll(checkCondition("", input.condition()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private List<InputProblem> checkStep(String path, ApprovalRouteStep.Definition step) {
        List<InputProblem> problems = new ArrayList<>();
        if (step.name() == null || step.name().isBlank() || step.name().length() > 100) {
            problems.add(InputProblem.of(path + ".name", "sapphire.route.step.name"));
        }
        boolean approverGiven = switch (step.kind()) {
            case MANAGER -> step.managerLevels() != null && step.managerLevels() >= 1 && step.managerLevels() <= 10;
            case MEMBER -> step.memberId() != null && em.find(Member.class, step.memberId()) != null;
            case ROLE -> step.role() != null;
        };
        if (!approverGiven) {
            problems.add(InputProblem.of(path + ".approver", "sapphire.route.step.approver." + step.kind().name().toLowerCase()));
        }
        problems.addAll(checkCondition(path + ".", step.condition()));
        return problems;
    }

    private List<InputProblem> checkCondition(String path, ApprovalCondition condition) {
        if (condition == null) {
            return List.of();
        }
        List<InputProblem> problems = new ArrayList<>();
        if (condition.getMinTotalYen() != null && condition.getMinTotalYen() < 0) {
            problems.add(InputProblem.of(path + "minTotalYen", "sapphire.route.condition.min-total"));
        }
        Set<String> codes = condition.getCategoryCodes();
        if (!codes.isEmpty() && em.createQuery("SELECT COUNT(c) FROM ExpenseCategory c WHERE c.code IN :codes", Long.class)
                .setParameter("codes", codes).getSingleResult() < codes.size()) {
            problems.add(InputProblem.of(path + "categoryCodes", "sapphire.route.condition.categories"));
        }
        if (condition.getDepartmentId() != null && em.find(Department.class, condition.getDepartmentId()) == null) {
            problems.add(InputProblem.of(path + "departmentId", "sapphire.route.condition.department"));
        }
        return problems;
    }
}
