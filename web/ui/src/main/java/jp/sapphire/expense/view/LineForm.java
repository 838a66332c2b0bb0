package jp.sapphire.expense.view;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.expense.boundary.LineInput;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ForeignAmount;
import jp.sapphire.expense.entity.TaxClass;

/** The fields of the line dialog, as the page binds them. */
public class LineForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID lineId;
    private LocalDate spentOn;
    private UUID categoryId;
    private Long amountYen;
    private boolean foreign;
    private BigDecimal foreignAmount;
    private String currency;
    private BigDecimal exchangeRate;
    private TaxClass taxClass;
    private String payee;
    private String invoiceNumber;
    private String description;
    private String attendees;
    private String routeFrom;
    private String routeTo;
    private boolean roundTrip;
    private Integer nights;
    private Integer tripDays;
    private Integer attendeeCount;
    private boolean overseas;
    private String policyReason;
    private Map<String, String> customFields = new HashMap<>();

    static LineForm blank(LocalDate today, UUID categoryId, TaxClass taxClass) {
        LineForm form = new LineForm();
        form.spentOn = today;
        form.categoryId = categoryId;
        form.taxClass = taxClass;
        return form;
    }

    static LineForm of(ExpenseLine line) {
        LineForm form = new LineForm();
        form.lineId = line.getId();
        form.spentOn = line.getSpentOn();
        form.categoryId = line.getCategory().getId();
        form.amountYen = line.getAmountYen();
        line.getForeign().ifPresent(f -> {
            form.foreign = true;
            form.foreignAmount = f.amount();
            form.currency = f.currency();
            form.exchangeRate = f.rate();
        });
        form.taxClass = line.getTaxClass();
        form.payee = line.getPayee();
        form.invoiceNumber = line.getInvoiceNumber();
        form.description = line.getDescription();
        form.attendees = line.getAttendees();
        form.routeFrom = line.getRouteFrom();
        form.routeTo = line.getRouteTo();
        form.roundTrip = Boolean.TRUE.equals(line.getRoundTrip());
        form.nights = line.getNights();
        form.tripDays = line.getTripDays();
        form.attendeeCount = line.getAttendeeCount();
        form.overseas = line.isOverseas();
        form.policyReason = line.getPolicyReason();
        line.getFields().forEach(value -> form.customFields.put(value.getField().getKey(), value.getValue()));
        return form;
    }

    LineInput input() {
        return new LineInput(spentOn, categoryId, foreign ? null : amountYen, foreign ? foreignAmount : null,
                foreign ? blankToNull(currency) : null, foreign ? exchangeRate : null, taxClass, payee, invoiceNumber,
                description, attendees, routeFrom, routeTo, roundTrip, nights, tripDays, attendeeCount, overseas, policyReason,
                Map.copyOf(nonBlank(customFields)));
    }

    ForeignAmount foreignAmountOrNull() {
        return foreign && foreignAmount != null && exchangeRate != null ? new ForeignAmount(foreignAmount, currency, exchangeRate) : null;
    }

    private static Map<String, String> nonBlank(Map<String, String> values) {
        Map<String, String> kept = new HashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    public UUID getLineId() {
        return lineId;
    }

    public LocalDate getSpentOn() {
        return spentOn;
    }

    public void setSpentOn(LocalDate spentOn) {
        this.spentOn = spentOn;
    }

    public UUID getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(UUID categoryId) {
        this.categoryId = categoryId;
    }

    public Long getAmountYen() {
        return amountYen;
    }

    public void setAmountYen(Long amountYen) {
        this.amountYen = amountYen;
    }

    public boolean isForeign() {
        return foreign;
    }

    public void setForeign(boolean foreign) {
        this.foreign = foreign;
    }

    public BigDecimal getForeignAmount() {
        return foreignAmount;
    }

    public void setForeignAmount(BigDecimal foreignAmount) {
        this.foreignAmount = foreignAmount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public void setExchangeRate(BigDecimal exchangeRate) {
        this.exchangeRate = exchangeRate;
    }

    public TaxClass getTaxClass() {
        return taxClass;
    }

    public void setTaxClass(TaxClass taxClass) {
        this.taxClass = taxClass;
    }

    public String getPayee() {
        return payee;
    }

    public void setPayee(String payee) {
        this.payee = payee;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public void setInvoiceNumber(String invoiceNumber) {
        this.invoiceNumber = invoiceNumber;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getAttendees() {
        return attendees;
    }

    public void setAttendees(String attendees) {
        this.attendees = attendees;
    }

    public String getRouteFrom() {
        return routeFrom;
    }

    public void setRouteFrom(String routeFrom) {
        this.routeFrom = routeFrom;
    }

    public String getRouteTo() {
        return routeTo;
    }

    public void setRouteTo(String routeTo) {
        this.routeTo = routeTo;
    }

    public boolean isRoundTrip() {
        return roundTrip;
    }

    public void setRoundTrip(boolean roundTrip) {
        this.roundTrip = roundTrip;
    }

    public Integer getNights() {
        return nights;
    }

    public void setNights(Integer nights) {
        this.nights = nights;
    }

    public Integer getTripDays() {
        return tripDays;
    }

    public void setTripDays(Integer tripDays) {
        this.tripDays = tripDays;
    }

    public Integer getAttendeeCount() {
        return attendeeCount;
    }

    public void setAttendeeCount(Integer attendeeCount) {
        this.attendeeCount = attendeeCount;
    }

    public boolean isOverseas() {
        return overseas;
    }

    public void setOverseas(boolean overseas) {
        this.overseas = overseas;
    }

    public String getPolicyReason() {
        return policyReason;
    }

    public void setPolicyReason(String policyReason) {
        this.policyReason = policyReason;
    }

    public Map<String, String> getCustomFields() {
        return customFields;
    }
}
