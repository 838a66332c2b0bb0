package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A field a tenant adds to expense lines (カスタム項目): of one type, required or not, for the lines
 * of one category or of all.
 */
@Entity
@Table(name = "custom_field")
@NamedQuery(name = CustomField.ALL, query = "SELECT f FROM CustomField f ORDER BY f.key")
public class CustomField extends TenantOwned {

    public static final String ALL = "CustomField.all";

    /** What a field holds. */
    public enum Type {
        TEXT,
        NUMBER,
        DATE,
        CHOICE
    }

    @Column(name = "field_key")
    private String key;

    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "field_type")
    private Type type;

    private boolean required;

    private String choices;

    @ManyToOne
    @JoinColumn(name = "category_id")
    private ExpenseCategory category;

    @Version
    private long version;

    protected CustomField() {
    }

    public CustomField(String key, String name, Type type, boolean required, List<String> choices,
                       ExpenseCategory category) {
        this.key = key;
        describe(name, type, required, choices, category);
    }

    /** Everything but the key, which values on lines refer to. */
    public final void describe(String name, Type type, boolean required, List<String> choices, ExpenseCategory category) {
        this.name = name;
        this.type = type;
        this.required = required;
        this.choices = choices.isEmpty() ? null : String.join("\n", choices);
        this.category = category;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public Type getType() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public List<String> getChoices() {
        return choices == null ? List.of() : Arrays.asList(choices.split("\n"));
    }

    /** The category whose lines carry this field, or {@code null} for every line. */
    public ExpenseCategory getCategory() {
        return category;
    }

    public boolean appliesTo(ExpenseCategory lineCategory) {
        return category == null || category.equals(lineCategory);
    }
}
