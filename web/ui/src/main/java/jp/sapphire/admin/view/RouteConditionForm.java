package jp.sapphire.admin.view;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.approval.entity.ApprovalCondition;

/**
 * A route's or a step's condition as {@code /WEB-INF/includes/route-condition.xhtml} binds it:
 * total at least, category codes (separated by commas, 、 or spaces), department.
 */
public class RouteConditionForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private Long minTotal;
    private String categories;
    private UUID department;

    ApprovalCondition toCondition() {
        Set<String> codes = new LinkedHashSet<>();
        if (categories != null) {
            Arrays.stream(categories.split("[,、\\s]+")).map(String::strip).filter(code -> !code.isEmpty())
                    .forEach(codes::add);
        }
        return new ApprovalCondition(minTotal, codes, department);
    }

    void fill(ApprovalCondition condition) {
        minTotal = condition == null ? null : condition.getMinTotalYen();
        categories = condition == null ? null : String.join(",", condition.getCategoryCodes());
        department = condition == null ? null : condition.getDepartmentId();
    }

    public Long getMinTotal() {
        return minTotal;
    }

    public void setMinTotal(Long minTotal) {
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
