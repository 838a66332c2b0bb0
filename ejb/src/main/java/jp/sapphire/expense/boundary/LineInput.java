package jp.sapphire.expense.boundary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.expense.entity.TaxClass;

/**
 * One line as an applicant enters it. The yen amount is given, or computed from a foreign amount,
 * currency and rate (all three or none). The tax class defaults to the category's. Nights, trip
 * days, attendee count and abroad-or-not are what the policy rules measure a line by; the reason
 * answers a rule the line goes beyond.
 */
public record LineInput(
        @NotNull(message = "{sapphire.line.date.required}")
        LocalDate spentOn,
        @NotNull(message = "{sapphire.line.category.required}")
        UUID categoryId,
        @Positive(message = "{sapphire.line.amount.positive}")
        @Max(value = 100_000_000, message = "{sapphire.line.amount.max}")
        Long amountYen,
        @DecimalMin(value = "0.01", message = "{sapphire.line.foreign.positive}")
        @Digits(integer = 13, fraction = 2, message = "{sapphire.line.foreign.digits}")
        BigDecimal foreignAmount,
        @Pattern(regexp = "[A-Z]{3}", message = "{sapphire.line.currency.format}")
        String currency,
        @DecimalMin(value = "0.000001", message = "{sapphire.line.rate.positive}")
        @DecimalMax(value = "99999999", message = "{sapphire.line.rate.positive}")
        @Digits(integer = 8, fraction = 6, message = "{sapphire.line.rate.digits}")
        BigDecimal exchangeRate,
        TaxClass taxClass,
        @NotBlank(message = "{sapphire.line.payee.required}")
        @Size(max = 200, message = "{sapphire.line.payee.size}")
        String payee,
        String invoiceNumber,
        @Size(max = 1000, message = "{sapphire.line.description.size}")
        String description,
        @Size(max = 1000, message = "{sapphire.line.attendees.size}")
        String attendees,
        @Size(max = 100, message = "{sapphire.line.route.size}")
        String routeFrom,
        @Size(max = 100, message = "{sapphire.line.route.size}")
        String routeTo,
        Boolean roundTrip,
        @Min(value = 1, message = "{sapphire.line.nights.range}")
        @Max(value = 366, message = "{sapphire.line.nights.range}")
        Integer nights,
        @Min(value = 1, message = "{sapphire.line.trip-days.range}")
        @Max(value = 366, message = "{sapphire.line.trip-days.range}")
        Integer tripDays,
        @Min(value = 1, message = "{sapphire.line.attendee-count.range}")
        @Max(value = 1000, message = "{sapphire.line.attendee-count.range}")
        Integer attendeeCount,
        Boolean overseas,
        @Size(max = 1000, message = "{sapphire.line.policy-reason.size}")
        String policyReason,
        Map<String, String> customFields) {

    public LineInput {
        customFields = customFields == null ? Map.of() : customFields;
        invoiceNumber = invoiceNumber == null || invoiceNumber.isBlank() ? null : invoiceNumber.strip();
        policyReason = policyReason == null || policyReason.isBlank() ? null : policyReason.strip();
    }

    public boolean isOverseas() {
        return Boolean.TRUE.equals(overseas);
    }

    public boolean hasForeignAmount() {
        return foreignAmount != null || currency != null || exchangeRate != null;
    }

    /** A plain yen line: date, category, amount, payee. */
    public static LineInput yen(LocalDate spentOn, UUID category, long amountYen, String payee) {
        return new LineInput(spentOn, category, amountYen, null, null, null, null, payee, null, null, null, null,
                null, null, null, null, null, null, null, Map.of());
    }
}
