package jp.sapphire.approval.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.tenant.entity.TenantOwned;

/** One step of a route: its approver and the condition under which it applies. */
@Entity
@Table(name = "approval_route_step")
public class ApprovalRouteStep extends TenantOwned {

    /** A step as an administrator (or the seed) defines it. */
    public record Definition(String name, ApproverKind kind, Integer managerLevels, UUID memberId, Role role,
                             ApprovalCondition condition) {

        public static Definition manager(String name, int levels, ApprovalCondition condition) {
            return new Definition(name, ApproverKind.MANAGER, levels, null, null, condition);
        }

        public static Definition member(String name, UUID member, ApprovalCondition condition) {
            return new Definition(name, ApproverKind.MEMBER, null, member, null, condition);
        }

        public static Definition role(String name, Role role, ApprovalCondition condition) {
            return new Definition(name, ApproverKind.ROLE, null, null, role, condition);
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "route_id")
    private ApprovalRoute route;

    @Column(name = "step_no")
    private int stepNo;

    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "approver_kind")
    private ApproverKind kind;

    @Column(name = "manager_levels")
    private Integer managerLevels;

    @Column(name = "member_id")
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Embedded
    private ApprovalCondition condition;

    protected ApprovalRouteStep() {
    }

    ApprovalRouteStep(ApprovalRoute route, int stepNo, Definition definition) {
        this.route = route;
        this.stepNo = stepNo;
        this.name = definition.name();
        this.kind = definition.kind();
        this.managerLevels = definition.managerLevels();
        this.memberId = definition.memberId();
        this.role = definition.role();
        this.condition = definition.condition() == null ? ApprovalCondition.always() : definition.condition();
    }

    public Definition definition() {
        return new Definition(name, kind, managerLevels, memberId, role, condition);
    }

    public int getStepNo() {
        return stepNo;
    }

    public String getName() {
        return name;
    }

    public ApproverKind getKind() {
        return kind;
    }

    public Integer getManagerLevels() {
        return managerLevels;
    }

    public UUID getMemberId() {
        return memberId;
    }

    public Role getRole() {
        return role;
    }

    public ApprovalCondition getCondition() {
        return condition;
    }
}
