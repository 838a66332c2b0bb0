package jp.sapphire.expense.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jp.sapphire.expense.boundary.LineInput;
import jp.sapphire.expense.boundary.ReportInput;
import jp.sapphire.expense.control.InvoiceRules;
import jp.sapphire.expense.control.InvoiceRules.Treatment;
import jp.sapphire.expense.control.PolicyCheck.Breach;
import jp.sapphire.expense.control.ReportTotals;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ForeignAmount;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.receipt.entity.Receipt;

/** The JSON shapes of the reports API. Amounts are integer yen; times are UTC (ISO 8601); dates yyyy-mm-dd. */
public final class ReportJson {

    private ReportJson() {
    }

    /** A report to create or change. */
    public record ReportRequest(String title, String purpose, LocalDate periodFrom, LocalDate periodTo,
                                Map<String, String> labels, String projectCode) {

        ReportInput input() {
            return new ReportInput(title, purpose, periodFrom, periodTo, labels, projectCode);
        }
    }

    /**
     * A line to add or change; {@code amountYen} or all of foreignAmount, currency and exchangeRate.
     * {@code nights} (lodging), {@code tripDays} (per diem), {@code attendeeCount} and {@code overseas}
     * are what policy rules count by; {@code policyReason} answers a rule the line goes beyond.
     */
    public record LineRequest(LocalDate spentOn, UUID categoryId, Long amountYen, BigDecimal foreignAmount,
                              String currency, BigDecimal exchangeRate, TaxClass taxClass, String payee,
                              String invoiceNumber, String description, String attendees, String routeFrom,
                              String routeTo, Boolean roundTrip, Integer nights, Integer tripDays, Integer attendeeCount,
                              Boolean overseas, String policyReason, Map<String, String> customFields) {

        LineInput input() {
            return new LineInput(spentOn, categoryId, amountYen, foreignAmount, currency, exchangeRate, taxClass, payee,
                    invoiceNumber, description, attendees, routeFrom, routeTo, roundTrip, nights, tripDays, attendeeCount,
                    overseas, policyReason, customFields);
        }
    }

    /** A report in a list. */
    public record ReportSummary(UUID id, String title, String status, Integer currentStep, long totalYen,
                                Instant createdAt, Instant submittedAt, long version) {

        public static ReportSummary of(ExpenseReport report) {
            return new ReportSummary(report.getId(), report.getTitle(), report.getStatus().name(), report.getCurrentStep(),
                    report.getTotalYen(), report.getCreatedAt(), report.getSubmittedAt(), report.getVersion());
        }
    }

    /** A page of reports. */
    public record ReportPage(List<ReportSummary> items, long total, int page, int size) {
    }

    /** Amount and tax of the lines of one tax class. */
    public record Subtotal(String taxClass, long amountYen, long taxYen) {
    }

    /** A receipt as the API shows it; the bytes are at {@code /api/v1/receipts/{id}}. */
    public record ReceiptView(UUID id, int version, String filename, String contentType, int sizeBytes, String sha256,
                              Instant uploadedAt, boolean current) {

        public static ReceiptView of(Receipt receipt) {
            return new ReceiptView(receipt.getId(), receipt.getVersionNo(), receipt.getFilename(),
                    receipt.getContentType(), receipt.getSizeBytes(), receipt.getSha256(), receipt.getUploadedAt(),
                    receipt.isCurrent());
        }
    }

    /**
     * A line's invoice status (インボイス区分: QUALIFIED, TRANSITIONAL, PUBLIC_TRANSPORT, BUSINESS_TRAVEL,
     * SMALL_AMOUNT, NOT_TAXABLE), the deductible share of its tax and that tax in yen, and whether
     * accounting set the status, with the reason.
     */
    public record InvoiceView(String status, int deductiblePercent, long deductibleTaxYen, boolean overridden, String reason) {

        static InvoiceView of(Treatment treatment) {
            return new InvoiceView(treatment.status().name(), treatment.deductiblePercent(), treatment.deductibleTaxYen(),
                    treatment.overridden(), treatment.reason());
        }
    }

    /** Accounting's invoice status for a line, with the reason. */
    public record InvoiceRequest(InvoiceStatus status, String reason) {
    }

    /** A policy rule a line goes beyond: WARN (a reason is needed) or BLOCK (the report cannot be submitted). */
    public record PolicyView(String rule, String action, long allowedYen, long countedYen) {

        static List<PolicyView> of(List<Breach> breaches) {
            return breaches.isEmpty() ? null : breaches.stream().map(breach -> new PolicyView(breach.rule().getName(),
                    breach.rule().getAction().name(), breach.allowedYen(), breach.countedYen())).toList();
        }
    }

    /** A line, with its tax, invoice status, custom fields, current receipt and the policy rules it goes beyond. */
    public record LineView(UUID id, int lineNo, LocalDate spentOn, UUID categoryId, String categoryCode,
                           String categoryName, long amountYen, BigDecimal foreignAmount, String currency,
                           BigDecimal exchangeRate, String taxClass, long taxYen, InvoiceView invoice, String payee,
                           String invoiceNumber, String description, String attendees, String routeFrom, String routeTo,
                           Boolean roundTrip, Integer nights, Integer tripDays, Integer attendeeCount, boolean overseas,
                           String policyReason, List<PolicyView> policy, Map<String, String> customFields,
                           ReceiptView receipt) {

        static LineView of(ExpenseLine line, Treatment treatment, Receipt receipt, List<Breach> breaches) {
            var foreign = line.getForeign();
            Map<String, String> fields = new TreeMap<>();
            line.getFields().forEach(value -> fields.put(value.getField().getKey(), value.getValue()));
            return new LineView(line.getId(), line.getLineNo(), line.getSpentOn(), line.getCategory().getId(),
                    line.getCategory().getCode(), line.getCategory().getName(), line.getAmountYen(),
                    foreign.map(ForeignAmount::amount).orElse(null), foreign.map(ForeignAmount::currency).orElse(null),
                    foreign.map(ForeignAmount::rate).orElse(null), line.getTaxClass().name(), line.getTaxYen(),
                    treatment == null ? null : InvoiceView.of(treatment), line.getPayee(), line.getInvoiceNumber(), line.getDescription(), line.getAttendees(),
                    line.getRouteFrom(), line.getRouteTo(), line.getRoundTrip(), line.getNights(), line.getTripDays(),
                    line.getAttendeeCount(), line.isOverseas(), line.getPolicyReason(), PolicyView.of(breaches), fields,
                    receipt == null ? null : ReceiptView.of(receipt));
        }
    }

    /**
     * A report with its lines, totals and per-tax-class subtotals, as the API returns it;
     * {@code currentStep} is the approval step that waits while the report is SUBMITTED.
     */
    public record ReportView(UUID id, String title, String purpose, LocalDate periodFrom, LocalDate periodTo,
                             String status, Integer currentStep, long totalYen, long taxYen, long deductibleTaxYen,
                             List<Subtotal> subtotals,
                             Map<String, String> labels, String projectCode, List<LineView> lines, Instant createdAt,
                             Instant updatedAt,
                             Instant submittedAt, long version, List<Warning> warnings) {

        static ReportView of(ExpenseReport report, Map<UUID, Treatment> invoices, Map<UUID, Receipt> receipts,
                             Map<UUID, List<Breach>> breaches, List<Warning> warnings) {
            ReportTotals totals = ReportTotals.of(report.getLines());
            List<Subtotal> subtotals = totals.byTaxClass().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new Subtotal(e.getKey().name(), e.getValue().amountYen(), e.getValue().taxYen())).toList();
            return new ReportView(report.getId(), report.getTitle(), report.getPurpose(), report.getPeriodFrom(),
                    report.getPeriodTo(), report.getStatus().name(), report.getCurrentStep(), report.getTotalYen(),
                    totals.taxYen(), InvoiceRules.deductibleTaxYen(invoices.values()), subtotals,
                    report.getLabels(), report.getProject() == null ? null : report.getProject().getCode(),
                    report.getLines().stream()
                            .map(line -> LineView.of(line, invoices.get(line.getId()), receipts.get(line.getId()),
                                    breaches.getOrDefault(line.getId(), List.of()))).toList(),
                    report.getCreatedAt(), report.getUpdatedAt(), report.getSubmittedAt(), report.getVersion(),
                    warnings.isEmpty() ? null : warnings);
        }
    }

    /**
     * Something to look at again, though it was accepted: a possible duplicate, a receipt's doubt,
     * or a policy rule a line goes beyond (with the rule's name and WARN or BLOCK).
     */
    public record Warning(String field, String message, String rule, String action) {

        public static List<Warning> of(List<InputProblem> problems, Locale locale) {
            return problems.stream().map(p -> new Warning(p.field(), Messages.text(p, locale), null, null)).toList();
        }

        /** Every policy rule each line goes beyond, on {@code lines[N].amountYen}. */
        static List<Warning> ofPolicy(List<ExpenseLine> lines, Map<UUID, List<Breach>> breaches, Locale locale) {
            List<Warning> warnings = new ArrayList<>();
            for (ExpenseLine line : lines) {
                for (Breach breach : breaches.getOrDefault(line.getId(), List.of())) {
                    warnings.add(new Warning("lines[" + line.getLineNo() + "].amountYen",
                            Messages.text(breach.problem("amountYen"), locale), breach.rule().getName(),
                            breach.rule().getAction().name()));
                }
            }
            return warnings;
        }
    }
}
