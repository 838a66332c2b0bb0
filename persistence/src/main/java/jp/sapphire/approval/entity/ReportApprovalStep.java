package jp.sapphire.approval.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * One step of the route a submission resolved: a named approver (a manager or member, fixed at
 * submission) or a role. Written once at submission, never changed.
 */
@Entity
@Table(name = "report_approval_step")
@NamedQuery(name = ReportApprovalStep.OF_REPORT,
        query = "SELECT s FROM ReportApprovalStep s WHERE s.reportId = :report ORDER BY s.round, s.stepNo")
public class ReportApprovalStep extends TenantOwned {

    public static final String OF_REPORT = "ReportApprovalStep.ofReport";

    @Column(name = "report_id")
    private UUID reportId;

    private int round;

    @Column(name = "step_no")
    private int stepNo;

    private String name;

    @Column(name = "route_name")
    private String routeName;

    @Enumerated(EnumType.STRING)
    @Column(name = "approver_kind")
    private ApproverKind kind;

    @Column(name = "approver_id")
    private UUID approverId;

    @Enumerated(EnumType.STRING)
    private Role role;

    protected ReportApprovalStep() {
    }

    public ReportApprovalStep(UUID reportId, int round, int stepNo, String name, String routeName, ApproverKind kind,
                              UUID approverId, Role role) {
        this.reportId = reportId;
        this.round = round;
        this.stepNo = stepNo;
        this.name = name;
        this.routeName = routeName;
        this.kind = kind;
        this.approverId = approverId;
        this.role = role;
    }

    public UUID getReportId() {
        return reportId;
    }

    public int getRound() {
        return round;
    }

    public int getStepNo() {
        return stepNo;
    }

    public String getName() {
        return name;
    }

    public String getRouteName() {
        return routeName;
    }

    public ApproverKind getKind() {
        return kind;
    }

    /** The member who approves this step; {@code null} for a role step. */
    public UUID getApproverId() {
        return approverId;
    }

    /** The role any holder of which approves this step; {@code null} for a named approver. */
    public Role getRole() {
        return role;
    }
}
