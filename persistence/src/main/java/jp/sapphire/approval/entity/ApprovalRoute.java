package jp.sapphire.approval.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.sapphire.platform.entity.Validity;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * An approval route (承認ルート): ordered steps, chosen for a submission when it is in effect on
 * the day of submission and its condition holds; among several, the lowest priority number wins.
 */
@Entity
@Table(name = "approval_route")
public class ApprovalRoute extends TenantOwned {

    private String name;

    private int priority;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Embedded
    private ApprovalCondition condition;

    @OneToMany(mappedBy = "route", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("stepNo")
    private List<ApprovalRouteStep> steps = new ArrayList<>();

    @Version
    private long version;

    protected ApprovalRoute() {
    }

    public ApprovalRoute(String name, int priority, LocalDate validFrom, LocalDate validTo, ApprovalCondition condition) {
        describe(name, priority, validFrom, validTo, condition);
    }

    public final void describe(String name, int priority, LocalDate validFrom, LocalDate validTo,
                               ApprovalCondition condition) {
        this.name = name;
        this.priority = priority;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.condition = condition;
    }

    /** Whether the route is in effect on this day (both ends included). */
    public boolean isInEffectOn(LocalDate day) {
        return Validity.covers(validFrom, validTo, day);
    }

    /** Replaces the steps with these, numbered in this order. */
    public void setSteps(List<ApprovalRouteStep.Definition> definitions) {
        steps.clear();
        for (ApprovalRouteStep.Definition definition : definitions) {
            steps.add(new ApprovalRouteStep(this, steps.size() + 1, definition));
        }
    }

    public String getName() {
        return name;
    }

    public int getPriority() {
        return priority;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public ApprovalCondition getCondition() {
        return condition;
    }

    public List<ApprovalRouteStep> getSteps() {
        return List.copyOf(steps);
    }

    public long getVersion() {
        return version;
    }
}
