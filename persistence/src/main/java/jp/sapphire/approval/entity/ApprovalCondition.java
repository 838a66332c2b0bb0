package jp.sapphire.approval.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * When a route or a step applies: every condition given must hold — the report's total at least
 * an amount, a line in one of some categories (by 勘定科目 code), the applicant in a department
 * or one below it. No condition: it always applies.
 */
@Embeddable
public class ApprovalCondition {

    @Column(name = "min_total_yen")
    private Long minTotalYen;

    @Column(name = "category_codes")
    private String categoryCodes;

    @Column(name = "department_id")
    private UUID departmentId;

    protected ApprovalCondition() {
    }

    public ApprovalCondition(Long minTotalYen, Set<String> categoryCodes, UUID departmentId) {
        this.minTotalYen = minTotalYen;
        this.categoryCodes = categoryCodes == null || categoryCodes.isEmpty() ? null
                : String.join(",", new TreeSet<>(categoryCodes));
        this.departmentId = departmentId;
    }

    public static ApprovalCondition always() {
        return new ApprovalCondition(null, Set.of(), null);
    }

    public Long getMinTotalYen() {
        return minTotalYen;
    }

    public Set<String> getCategoryCodes() {
        return categoryCodes == null ? Set.of()
                : Arrays.stream(categoryCodes.split(",")).collect(Collectors.toCollection(TreeSet::new));
    }

    public UUID getDepartmentId() {
        return departmentId;
    }
}
