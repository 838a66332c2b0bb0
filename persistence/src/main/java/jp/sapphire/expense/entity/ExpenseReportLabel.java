package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jp.sapphire.tenant.entity.TenantOwned;

/** One label of a report: key → value. */
@Entity
@Table(name = "expense_report_label")
public class ExpenseReportLabel extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ExpenseReport report;

    @Column(name = "label_key")
    private String key;

    private String value;

    protected ExpenseReportLabel() {
    }

    ExpenseReportLabel(ExpenseReport report, String key, String value) {
        this.report = report;
        this.key = key;
        this.value = value;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }
}
