package jp.sapphire.platform.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * The days Japanese banks transfer money (銀行営業日): not Saturday or Sunday, not a national
 * holiday (国民の祝日, 振替休日 and 国民の休日 under the 祝日法 as it stands since 2020), not
 * 31 December to 3 January (銀行法施行令 第5条). The equinox days follow the 国立天文台 formula,
 * valid from 1980 to 2099. Sources: docs/PAYMENTS.md.
 */
public final class BankDays {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1), MonthDay.of(2, 11), MonthDay.of(2, 23), MonthDay.of(4, 29), MonthDay.of(5, 3),
            MonthDay.of(5, 4), MonthDay.of(5, 5), MonthDay.of(8, 11), MonthDay.of(11, 3), MonthDay.of(11, 23));

    private BankDays() {
    }

    /** Whether banks transfer money on this day. */
    public static boolean isBankDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        if ((day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 31)
                || (day.getMonth() == Month.JANUARY && day.getDayOfMonth() <= 3)) {
            return false;
        }
        return !holidays(day.getYear()).contains(day);
    }

    /** The first bank day on or after {@code day}. */
    public static LocalDate onOrAfter(LocalDate day) {
        LocalDate next = day;
        while (!isBankDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The national holidays of a year, with the substitute holidays and the days between two holidays. */
    public static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        FIXED.forEach(day -> days.add(day.atYear(year)));
        days.add(nthMonday(year, Month.JANUARY, 2));     // 成人の日
        days.add(nthMonday(year, Month.JULY, 3));        // 海の日
        days.add(nthMonday(year, Month.SEPTEMBER, 3));   // 敬老の日
        days.add(nthMonday(year, Month.OCTOBER, 2));     // スポーツの日
        days.add(LocalDate.of(year, Month.MARCH, equinox(year, 20.8431)));     // 春分の日
        days.add(LocalDate.of(year, Month.SEPTEMBER, equinox(year, 23.2488))); // 秋分の日
        // 国民の休日: a weekday between two holidays.
        Set<LocalDate> between = new TreeSet<>();
        for (LocalDate day : days) {
            LocalDate next = day.plusDays(2);
            if (days.contains(next) && !days.contains(day.plusDays(1)) && day.plusDays(1).getDayOfWeek() != DayOfWeek.SUNDAY) {
                between.add(day.plusDays(1));
            }
        }
        days.addAll(between);
        // 振替休日: a holiday on a Sunday moves to the next day that is not a holiday.
        Set<LocalDate> substitutes = new TreeSet<>();
        for (LocalDate day : days) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate next = day.plusDays(1);
                while (days.contains(next) || substitutes.contains(next)) {
                    next = next.plusDays(1);
                }
                substitutes.add(next);
            }
        }
        days.addAll(substitutes);
        return days;
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    private static int equinox(int year, double base) {
        return (int) (base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }
}
