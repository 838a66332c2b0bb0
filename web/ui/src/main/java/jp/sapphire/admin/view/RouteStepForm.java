package jp.sapphire.admin.view;

import java.io.Serializable;
import java.util.UUID;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.approval.entity.ApproverKind;
import jp.sapphire.identity.entity.Role;

/**
 * One step row of the route form on {@code /app/admin/routes.xhtml}: a row without a name is left
 * out, and of the approver fields only the one the step's kind asks for is kept.
 */
public class RouteStepForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private String name;
    private ApproverKind kind = ApproverKind.MANAGER;
    private Long levels = 1L;
    private UUID member;
    private Role role;
    private final RouteConditionForm condition = new RouteConditionForm();

    static RouteStepForm of(ApprovalRouteStep defined) {
        RouteStepForm step = new RouteStepForm();
        step.name = defined.getName();
        step.kind = defined.getKind();
        step.levels = defined.getManagerLevels() == null ? 1L : defined.getManagerLevels().longValue();
        step.member = defined.getMemberId();
        step.role = defined.getRole();
        step.condition.fill(defined.getCondition());
        return step;
    }

    boolean isBlank() {
        return name == null || name.isBlank();
    }

    /** The step as the boundary takes it; a manager more than 100 levels up is as far as 100. */
    ApprovalRouteStep.Definition toDefinition() {
        return new ApprovalRouteStep.Definition(name.strip(), kind,
                kind == ApproverKind.MANAGER && levels != null ? (int) Math.min(levels, 100) : null,
                kind == ApproverKind.MEMBER ? member : null, kind == ApproverKind.ROLE ? role : null,
                condition.toCondition());
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

    public Long getLevels() {
        return levels;
    }

    public void setLevels(Long levels) {
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

    public RouteConditionForm getCondition() {
        return condition;
    }
}
