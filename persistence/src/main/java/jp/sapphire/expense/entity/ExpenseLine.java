package jp.sapphire.expense.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * One line (明細) of an expense report: a date, a category, a tax-inclusive amount in yen
 * (converted from a foreign amount when there is one), its tax, payee and invoice number, and
 * what its category asks for (route, attendees, custom fields). Changed only through its report.
 */
@Entity
@Table(name = "expense_line")
public class ExpenseLine extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ExpenseReport report;

    @Column(name = "line_no")
    private int lineNo;

    @Column(name = "spent_on")
    private LocalDate spentOn;

    @BatchFetch(BatchFetchType.IN)
    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private ExpenseCategory category;

    @Column(name = "amount_yen")
    private long amountYen;

    @Column(name = "foreign_amount")
    private BigDecimal foreignAmount;

    private String currency;

    @Column(name = "exchange_rate")
    private BigDecimal exchangeRate;

    @Enumerated(EnumType.STRING)
    @Column(name = "tax_class")
    private TaxClass taxClass;

    @Column(name = "tax_yen")
    private long taxYen;

    private String payee;

    @Column(name = "invoice_number")
    private String invoiceNumber;

    private String description;

    private String attendees;

    @Column(name = "route_from")
    private String routeFrom;

    @Column(name = "route_to")
    private String routeTo;

    @Column(name = "round_trip")
    private Boolean roundTrip;

    private Integer nights;

    @Column(name = "trip_days")
    private Integer tripDays;

    @Column(name = "attendee_count")
    private Integer attendeeCount;

    private boolean overseas;

    @Column(name = "policy_reason")
    private String policyReason;

    @BatchFetch(BatchFetchType.IN)
    @OneToMany(mappedBy = "line", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ExpenseLineField> fields = new ArrayList<>();

    @Version
    private long version;

    protected ExpenseLine() {
    }

    ExpenseLine(ExpenseReport report, int lineNo) {
        this.report = report;
        this.lineNo = lineNo;
    }

    /** Everything a line says, in one go: a line is always consistent with its amounts and tax. */
    public void describe(LocalDate spentOn, ExpenseCategory category, long amountYen, ForeignAmount foreign,
                         TaxClass taxClass, long taxYen, String payee, String invoiceNumber, String description,
                         String attendees, String routeFrom, String routeTo, Boolean roundTrip) {
        this.spentOn = spentOn;
        this.category = category;
        this.amountYen = amountYen;
        this.foreignAmount = foreign == null ? null : foreign.amount();
        this.currency = foreign == null ? null : foreign.currency();
        this.exchangeRate = foreign == null ? null : foreign.rate();
        this.taxClass = taxClass;
        this.taxYen = taxYen;
        this.payee = payee;
        this.invoiceNumber = invoiceNumber;
        this.description = description;
        this.attendees = attendees;
        this.routeFrom = routeFrom;
        this.routeTo = routeTo;
        this.roundTrip = roundTrip;
    }

    /**
     * What the policy rules measure the line by — nights, days of the trip, attendees, abroad or
     * not — and the applicant's reason for going beyond a limit.
     */
    public void measure(Integer nights, Integer tripDays, Integer attendeeCount, boolean overseas, String policyReason) {
        this.nights = nights;
        this.tripDays = tripDays;
        this.attendeeCount = attendeeCount;
        this.overseas = overseas;
        this.policyReason = policyReason;
    }

    /** Replaces the custom field values with these (field → value). */
    public void setFieldValues(List<ExpenseLineField> values) {
        fields.clear();
        fields.addAll(values);
    }

    public ExpenseLineField fieldValue(CustomField field, String value) {
        return new ExpenseLineField(this, field, value);
    }

    public ExpenseReport getReport() {
        return report;
    }

    public UUID getReportId() {
        return report.getId();
    }

    public int getLineNo() {
        return lineNo;
    }

    void renumber(int lineNo) {
        this.lineNo = lineNo;
    }

    public LocalDate getSpentOn() {
        return spentOn;
    }

    public ExpenseCategory getCategory() {
        return category;
    }

    public long getAmountYen() {
        return amountYen;
    }

    public Optional<ForeignAmount> getForeign() {
        return foreignAmount == null ? Optional.empty() : Optional.of(new ForeignAmount(foreignAmount, currency, exchangeRate));
    }

    public TaxClass getTaxClass() {
        return taxClass;
    }

    public long getTaxYen() {
        return taxYen;
    }

    public String getPayee() {
        return payee;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public String getDescription() {
        return description;
    }

    public String getAttendees() {
        return attendees;
    }

    public String getRouteFrom() {
        return routeFrom;
    }

    public String getRouteTo() {
        return routeTo;
    }

    public Boolean getRoundTrip() {
        return roundTrip;
    }

    public Integer getNights() {
        return nights;
    }

    public Integer getTripDays() {
        return tripDays;
    }

    public Integer getAttendeeCount() {
        return attendeeCount;
    }

    public boolean isOverseas() {
        return overseas;
    }

    public String getPolicyReason() {
        return policyReason;
    }

    public List<ExpenseLineField> getFields() {
        return List.copyOf(fields);
    }

    public long getVersion() {
        return version;
    }
}
