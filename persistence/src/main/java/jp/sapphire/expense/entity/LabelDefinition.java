package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import jp.sapphire.tenant.entity.TenantOwned;

/** A label a tenant puts on reports (ラベル), e.g. {@code project}: its name and allowed values, if it limits them. */
@Entity
@Table(name = "label_definition")
@NamedQuery(name = LabelDefinition.ALL, query = "SELECT d FROM LabelDefinition d ORDER BY d.key")
public class LabelDefinition extends TenantOwned {

    public static final String ALL = "LabelDefinition.all";

    @Column(name = "label_key")
    private String key;

    private String name;

    @Column(name = "allowed_values")
    private String allowedValues;

    @Version
    private long version;

    protected LabelDefinition() {
    }

    public LabelDefinition(String key, String name, List<String> allowedValues) {
        this.key = key;
        describe(name, allowedValues);
    }

    /** Everything but the key, which reports' labels refer to. */
    public final void describe(String name, List<String> allowedValues) {
        this.name = name;
        this.allowedValues = allowedValues.isEmpty() ? null : String.join("\n", allowedValues);
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    /** The values a report may carry; empty when any text will do. */
    public List<String> getAllowedValues() {
        return allowedValues == null ? List.of() : Arrays.asList(allowedValues.split("\n"));
    }
}
