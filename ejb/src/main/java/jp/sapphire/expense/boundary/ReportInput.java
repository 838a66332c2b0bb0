package jp.sapphire.expense.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * What an applicant says about a report: title, purpose, period, labels (key → value) and the
 * project / cost centre it is charged to (by code; none if null).
 */
public record ReportInput(
        @NotBlank(message = "{sapphire.report.title.required}")
        @Size(max = 200, message = "{sapphire.report.title.size}")
        String title,
        @Size(max = 1000, message = "{sapphire.report.purpose.size}")
        String purpose,
        LocalDate periodFrom,
        LocalDate periodTo,
        @NotNull
        Map<@Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,49}", message = "{sapphire.report.label.unknown}") String,
            @NotBlank(message = "{sapphire.report.label.value.required}")
            @Size(max = 200, message = "{sapphire.report.label.value.size}") String> labels,
        String projectCode) {

    public ReportInput {
        labels = labels == null ? Map.of() : labels;
        projectCode = projectCode == null || projectCode.isBlank() ? null : projectCode.strip();
    }

    /** A report charged to no project. */
    public ReportInput(String title, String purpose, LocalDate periodFrom, LocalDate periodTo, Map<String, String> labels) {
        this(title, purpose, periodFrom, periodTo, labels, null);
    }

    public static ReportInput titled(String title) {
        return new ReportInput(title, null, null, null, Map.of());
    }
}
