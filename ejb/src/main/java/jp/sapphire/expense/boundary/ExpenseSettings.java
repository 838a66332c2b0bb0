package jp.sapphire.expense.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.expense.entity.LabelDefinition;
import jp.sapphire.organization.entity.Project;

/**
 * The current tenant's expense masters and rules as members read them: categories (勘定科目),
 * projects, label definitions, custom fields, the expense policy and its rules. Only the admin console's
 * boundaries ({@code admin.boundary.Masters}, {@code FormConfiguration}) change them.
 */
@Stateless
public class ExpenseSettings {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    /** The tenant's policy, or the defaults (truncate, warn on duplicates, receipts required) if it has none. */
    public ExpensePolicy policy() {
        return em.createQuery("SELECT p FROM ExpensePolicy p", ExpensePolicy.class).getResultStream().findFirst()
                .orElseGet(ExpensePolicy::new);
    }

    public List<ExpenseCategory> activeCategories() {
        return em.createNamedQuery(ExpenseCategory.ACTIVE, ExpenseCategory.class).getResultList();
    }

    public Optional<ExpenseCategory> category(UUID id) {
        return Optional.ofNullable(em.find(ExpenseCategory.class, id));
    }

    /** Projects / cost centres a new report may be charged to. */
    public List<Project> activeProjects() {
        return em.createNamedQuery(Project.ALL, Project.class).getResultStream().filter(Project::isActive).toList();
    }

    public Optional<Project> project(String code) {
        return em.createQuery("SELECT p FROM Project p WHERE p.code = :code", Project.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    public List<LabelDefinition> labels() {
        return em.createNamedQuery(LabelDefinition.ALL, LabelDefinition.class).getResultList();
    }

    public List<CustomField> customFields() {
        return em.createNamedQuery(CustomField.ALL, CustomField.class).getResultList();
    }

    /** The policy rules (経費規程) of every period, by category code and first day. */
    public List<PolicyRule> policyRules() {
        return em.createNamedQuery(PolicyRule.ALL, PolicyRule.class).getResultList();
    }

}
