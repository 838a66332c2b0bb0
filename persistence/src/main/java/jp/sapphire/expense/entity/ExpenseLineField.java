package jp.sapphire.expense.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jp.sapphire.tenant.entity.TenantOwned;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** The value of one custom field on one line, as text (checked against the field's type when set). */
@Entity
@Table(name = "expense_line_field")
public class ExpenseLineField extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "line_id")
    private ExpenseLine line;

    @BatchFetch(BatchFetchType.IN)
    @ManyToOne(optional = false)
    @JoinColumn(name = "field_id")
    private CustomField field;

    private String value;

    protected ExpenseLineField() {
    }

    ExpenseLineField(ExpenseLine line, CustomField field, String value) {
        this.line = line;
        this.field = field;
        this.value = value;
    }

    public CustomField getField() {
        return field;
    }

    public String getValue() {
        return value;
    }
}
