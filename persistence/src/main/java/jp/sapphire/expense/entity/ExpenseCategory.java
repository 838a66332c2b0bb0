package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.sapphire.tenant.entity.TenantOwned;

/** An expense category (勘定科目): accounting code and name, and the tax class its lines start with. */
@Entity
@Table(name = "expense_category")
@NamedQuery(name = ExpenseCategory.ACTIVE,
        query = "SELECT c FROM ExpenseCategory c WHERE c.active = true ORDER BY c.code")
public class ExpenseCategory extends TenantOwned {

    public static final String ACTIVE = "ExpenseCategory.active";

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private CategoryKind kind = CategoryKind.GENERAL;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_tax_class")
    private TaxClass defaultTaxClass;

    private boolean active = true;

    @Version
    private long version;

    protected ExpenseCategory() {
    }

    public ExpenseCategory(String code, String name, CategoryKind kind, TaxClass defaultTaxClass) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.defaultTaxClass = defaultTaxClass;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public CategoryKind getKind() {
        return kind;
    }

    public TaxClass getDefaultTaxClass() {
        return defaultTaxClass;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** Takes what a master import says about this code. */
    public void update(String name, CategoryKind kind, TaxClass defaultTaxClass, boolean active) {
        this.name = name;
        this.kind = kind;
        this.defaultTaxClass = defaultTaxClass;
        this.active = active;
    }
}
