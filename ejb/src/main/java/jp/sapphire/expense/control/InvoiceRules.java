package jp.sapphire.expense.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import jp.sapphire.expense.entity.InvoiceSpecial;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;

/**
 * The invoice status of a line (インボイス区分) and the tax the company may deduct from it, under
 * the qualified invoice system: 適格 with a registration number; else one of the 特例 that need no
 * invoice (公共交通機関 by the category and the amount, 出張旅費等 by the category, 少額 for a
 * qualifying tenant by the amount and the day); else 経過措置 with the schedule's share. A line
 * without consumption tax is 対象外. Accounting's override, when there is one, decides the status;
 * the share still follows the day. Plain rules, docs/JOURNALS.md.
 */
public record InvoiceRules(InvoiceSchedule schedule, long publicTransportBelowYen, long smallAmountBelowYen,
                           LocalDate smallAmountFrom, LocalDate smallAmountUntil) {

    /** What a line is, as the law sees it. */
    public record Line(LocalDate spentOn, long amountYen, TaxClass taxClass, long taxYen, String invoiceNumber,
                       InvoiceSpecial categorySpecial) {
    }

    /** A line's status, the share of its tax the company may deduct, that tax in yen, and accounting's override if any. */
    public record Treatment(InvoiceStatus status, int deductiblePercent, long deductibleTaxYen, boolean overridden,
                            String reason) {
    }

    /** The tax the company may deduct from these lines together (a report's 控除対象税額). */
    public static long deductibleTaxYen(Collection<Treatment> treatments) {
        return treatments.stream().mapToLong(Treatment::deductibleTaxYen).sum();
    }

    /** The status SAPPHIRE derives for a line of a tenant ({@code smallAmountBusiness}: the 少額特例 applies to it). */
    public InvoiceStatus derive(Line line, boolean smallAmountBusiness) {
        if (line.taxClass().percent() == 0) {
            return InvoiceStatus.NOT_TAXABLE;
        }
        if (line.invoiceNumber() != null && !line.invoiceNumber().isBlank()) {
            return InvoiceStatus.QUALIFIED;
        }
        if (line.categorySpecial() == InvoiceSpecial.PUBLIC_TRANSPORT && line.amountYen() < publicTransportBelowYen) {
            return InvoiceStatus.PUBLIC_TRANSPORT;
        }
        if (line.categorySpecial() == InvoiceSpecial.BUSINESS_TRAVEL) {
            return InvoiceStatus.BUSINESS_TRAVEL;
        }
        if (smallAmountBusiness && line.amountYen() < smallAmountBelowYen && !line.spentOn().isBefore(smallAmountFrom)
                && !line.spentOn().isAfter(smallAmountUntil)) {
            return InvoiceStatus.SMALL_AMOUNT;
        }
        return InvoiceStatus.TRANSITIONAL;
    }

    /**
     * The treatment of a line: {@code override} (accounting's status, or null) in place of the
     * derived one, except that a line without tax stays 対象外. The deductible tax is the line's tax
     * times the share, rounded by the tenant's rule.
     */
    public Treatment treat(Line line, boolean smallAmountBusiness, TaxRounding rounding, InvoiceStatus override,
                           String reason) {
        InvoiceStatus derived = derive(line, smallAmountBusiness);
        InvoiceStatus status = override == null || derived == InvoiceStatus.NOT_TAXABLE ? derived : override;
        int percent = switch (status) {
            case NOT_TAXABLE -> 0;
            case TRANSITIONAL -> schedule.share(line.spentOn());
            default -> 100;
        };
        long deductible = percent == 100 ? line.taxYen()
                : TaxCalculator.round(BigDecimal.valueOf(line.taxYen()).multiply(BigDecimal.valueOf(percent))
                        .divide(BigDecimal.valueOf(100)), rounding);
        boolean overridden = status == override;
        return new Treatment(status, percent, deductible, overridden, overridden ? reason : null);
    }
}
