package jp.sapphire.incident.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    private static Instant tokyo(String local) {
        return ZonedDateTime.parse(local + "+09:00[Asia/Tokyo]").toInstant();
    }

    @Test
    void fiveBusinessDaysSkipTheWeekendInTokyo() {
        // Friday 2026-11-27 10:00 → Friday 2026-12-04 10:00.
        assertThat(BusinessDays.after(tokyo("2026-11-27T10:00"), 5)).isEqualTo(tokyo("2026-12-04T10:00"));
        // Monday → the next Monday.
        assertThat(BusinessDays.after(tokyo("2026-11-30T09:00"), 5)).isEqualTo(tokyo("2026-12-07T09:00"));
        // Saturday late evening (Friday 15:00 UTC) → Friday of the next week.
        assertThat(BusinessDays.after(tokyo("2026-11-28T23:30"), 5)).isEqualTo(tokyo("2026-12-04T23:30"));
        assertThat(BusinessDays.after(tokyo("2026-11-27T10:00"), 0)).isEqualTo(tokyo("2026-11-27T10:00"));
    }
}
