package jp.sapphire.expense.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.LabelDefinition;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.organization.entity.Project;

/**
 * The current tenant's expense masters and rules: categories (勘定科目), label definitions, custom
 * fields and the expense policy. Read by every member; changed by the tenant's administrators
 * (the admin console) and the demo seed.
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

    public ExpensePolicy setPolicy(TaxRounding rounding, ExpensePolicy.DuplicatePolicy duplicates, boolean receiptRequired) {
        ExpensePolicy policy = em.createQuery("SELECT p FROM ExpensePolicy p", ExpensePolicy.class)
                .getResultStream().findFirst().orElseGet(() -> {
                    ExpensePolicy created = new ExpensePolicy();
                    em.persist(created);
                    return created;
                });
        policy.setTaxRounding(rounding);
        policy.setDuplicatePolicy(duplicates);
        policy.setReceiptRequired(receiptRequired);
        return policy;
    }

    public List<ExpenseCategory> activeCategories() {
        return em.createNamedQuery(ExpenseCategory.ACTIVE, ExpenseCategory.class).getResultList();
    }

    public Optional<ExpenseCategory> category(UUID id) {
        return Optional.ofNullable(em.find(ExpenseCategory.class, id));
    }

    public ExpenseCategory addCategory(String code, String name, CategoryKind kind, TaxClass defaultTaxClass) {
        ExpenseCategory category = new ExpenseCategory(code, name, kind, defaultTaxClass);
        em.persist(category);
        return category;
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

    public LabelDefinition defineLabel(String key, String name, List<String> allowedValues) {
        LabelDefinition label = new LabelDefinition(key, name, allowedValues);
        em.persist(label);
        return label;
    }

    public List<CustomField> customFields() {
        return em.createNamedQuery(CustomField.ALL, CustomField.class).getResultList();
    }

    public CustomField defineField(String key, String name, CustomField.Type type, boolean required,
                                   List<String> choices, UUID categoryId) {
        ExpenseCategory category = categoryId == null ? null : em.find(ExpenseCategory.class, categoryId);
        CustomField field = new CustomField(key, name, type, required, choices, category);
        em.persist(field);
        return field;
    }
}
