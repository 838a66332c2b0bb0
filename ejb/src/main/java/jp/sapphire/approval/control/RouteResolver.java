package jp.sapphire.approval.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.approval.entity.ApprovalCondition;
import jp.sapphire.approval.entity.ApprovalRoute;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.approval.entity.ApproverKind;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.ConflictException;

/**
 * Resolves the route of a submission to its steps and approvers, as they are at that moment.
 *
 * <ul>
 *   <li>The route: among those in effect on the day whose condition holds, the lowest priority.</li>
 *   <li>Its steps: those whose condition holds, in order, numbered again from 1.</li>
 *   <li>A manager step names the applicant's manager N levels up: walking up from the applicant's
 *       department, each manager counts once, and the applicant never counts — an applicant who
 *       manages their own department is approved by the manager above.</li>
 *   <li>A member step naming the applicant passes to the next step; if it was the last, to the
 *       applicant's manager.</li>
 *   <li>A role step is open to any holder of the role but the applicant.</li>
 * </ul>
 * What cannot be resolved refuses the submission, naming what is missing.
 */
public final class RouteResolver {

    /** What a route's and a step's conditions are checked against. */
    public record Submission(UUID applicantId, UUID applicantDepartmentId, long totalYen, Set<String> categoryCodes,
                             LocalDate day) {
    }

    /** A step as resolved: a named approver, or a role. */
    public record ResolvedStep(int stepNo, String name, ApproverKind kind, UUID approverId, Role role) {
    }

    public record Resolution(ApprovalRoute route, List<ResolvedStep> steps) {
    }

    private final Map<UUID, Department> departments;

    public RouteResolver(Map<UUID, Department> departments) {
        this.departments = Map.copyOf(departments);
    }

    public Resolution resolve(List<ApprovalRoute> routes, Submission submission) {
        ApprovalRoute route = routes.stream()
                .filter(candidate -> candidate.isInEffectOn(submission.day()))
                .filter(candidate -> holds(candidate.getCondition(), submission))
                .min(Comparator.comparingInt(ApprovalRoute::getPriority).thenComparing(ApprovalRoute::getName))
                .orElseThrow(() -> new ConflictException("sapphire.approval.no-route"));
        List<ApprovalRouteStep> applying = route.getSteps().stream()
                .filter(step -> holds(step.getCondition(), submission))
                .toList();
        List<ResolvedStep> steps = new ArrayList<>();
        for (int i = 0; i < applying.size(); i++) {
            ApprovalRouteStep step = applying.get(i);
            boolean last = i == applying.size() - 1;
            approverOf(step, submission, last).ifPresent(resolved -> steps.add(new ResolvedStep(steps.size() + 1,
                    step.getName(), resolved.kind(), resolved.approverId(), resolved.role())));
        }
        if (steps.isEmpty()) {
            throw new ConflictException("sapphire.approval.no-steps", Map.of("route", route.getName()));
        }
        return new Resolution(route, steps);
    }

    /** Whether every condition given holds for the submission. */
    public boolean holds(ApprovalCondition condition, Submission submission) {
        if (condition == null) {
            return true;
        }
        if (condition.getMinTotalYen() != null && submission.totalYen() < condition.getMinTotalYen()) {
            return false;
        }
        Set<String> codes = condition.getCategoryCodes();
        if (!codes.isEmpty() && submission.categoryCodes().stream().noneMatch(codes::contains)) {
            return false;
        }
        return condition.getDepartmentId() == null
                || isWithin(submission.applicantDepartmentId(), condition.getDepartmentId());
    }

    /** Whether {@code department} is {@code ancestor} or below it. */
    public boolean isWithin(UUID department, UUID ancestor) {
        return chainFrom(department).stream().anyMatch(found -> found.getId().equals(ancestor));
    }

    private record Approver(ApproverKind kind, UUID approverId, Role role) {
    }

    private Optional<Approver> approverOf(ApprovalRouteStep step, Submission submission, boolean last) {
        return switch (step.getKind()) {
            case MANAGER -> Optional.of(manager(step.getName(), submission, step.getManagerLevels()));
            case ROLE -> Optional.of(new Approver(ApproverKind.ROLE, null, step.getRole()));
            case MEMBER -> {
                if (!step.getMemberId().equals(submission.applicantId())) {
                    yield Optional.of(new Approver(ApproverKind.MEMBER, step.getMemberId(), null));
                }
                yield last ? Optional.of(manager(step.getName(), submission, 1)) : Optional.empty();
            }
        };
    }

    private Approver manager(String stepName, Submission submission, int levels) {
        List<UUID> managers = new ArrayList<>();
        for (Department department : chainFrom(submission.applicantDepartmentId())) {
            UUID manager = department.getManagerId();
            if (manager != null && !manager.equals(submission.applicantId()) && !managers.contains(manager)) {
                managers.add(manager);
            }
        }
        if (managers.size() < levels) {
            throw new ConflictException("sapphire.approval.no-manager", Map.of("step", stepName));
        }
        return new Approver(ApproverKind.MANAGER, managers.get(levels - 1), null);
    }

    /** The department and those above it, nearest first; stops at a cycle rather than looping. */
    private List<Department> chainFrom(UUID department) {
        List<Department> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        UUID next = department;
        while (next != null && seen.add(next) && departments.containsKey(next)) {
            Department found = departments.get(next);
            chain.add(found);
            next = found.getParentId();
        }
        return chain;
    }
}
