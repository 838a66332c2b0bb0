package jp.sapphire.expense.entity;

import static jp.sapphire.expense.entity.ReportStatus.APPROVED;
import static jp.sapphire.expense.entity.ReportStatus.DRAFT;
import static jp.sapphire.expense.entity.ReportStatus.PAID;
import static jp.sapphire.expense.entity.ReportStatus.REJECTED;
import static jp.sapphire.expense.entity.ReportStatus.RETURNED;
import static jp.sapphire.expense.entity.ReportStatus.SUBMITTED;
import static jp.sapphire.expense.entity.ReportStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The table of moves between report states, every pair checked. */
class ReportStatusTest {

    private static final Map<ReportStatus, Set<ReportStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(WITHDRAWN, RETURNED, REJECTED, APPROVED),
            RETURNED, EnumSet.of(SUBMITTED),
            WITHDRAWN, EnumSet.of(SUBMITTED),
            APPROVED, EnumSet.of(PAID),
            REJECTED, EnumSet.noneOf(ReportStatus.class),
            PAID, EnumSet.noneOf(ReportStatus.class));

    @Test
    void everyPairOfStatesIsEitherAllowedOrRefused() {
        for (ReportStatus from : ReportStatus.values()) {
            for (ReportStatus to : ReportStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyTheApplicantsStatesAreEditable() {
        assertThat(EnumSet.allOf(ReportStatus.class)).filteredOn(ReportStatus::isEditable)
                .containsExactlyInAnyOrder(DRAFT, WITHDRAWN, RETURNED);
    }

    @Test
    void aReportRefusesAMoveTheTableDoesNotAllowAndKeepsItsState() {
        ExpenseReport report = new ExpenseReport(UUID.randomUUID(), "出張", Instant.EPOCH);
        assertThatThrownBy(() -> report.moveTo(APPROVED, Instant.EPOCH)).isInstanceOf(IllegalTransitionException.class);
        assertThat(report.getStatus()).isEqualTo(DRAFT);

        report.moveTo(SUBMITTED, Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(report.getStatus()).isEqualTo(SUBMITTED);
        assertThat(report.getSubmittedAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }
}
