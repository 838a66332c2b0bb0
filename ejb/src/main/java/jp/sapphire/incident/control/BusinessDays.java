package jp.sapphire.incident.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Business days (営業日) in Japan, Monday to Friday: the deadline {@code days} business days after a
 * moment, at the same time of day. Public holidays are not counted out (a deadline on one comes a
 * day early, never late).
 */
public final class BusinessDays {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private BusinessDays() {
    }

    public static Instant after(Instant from, int days) {
        ZonedDateTime at = from.atZone(JAPAN);
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at.toInstant();
    }
}
