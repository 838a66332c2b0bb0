package jp.sapphire.platform.control;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.LocalTime;

/**
 * A persistent calendar timer that fires once a day at a time of day in a zone, kept in the
 * database's timer store for every server sharing it: created when missing, replaced when its
 * time or zone changed, and never twice.
 */
public final class DailyTimer {

    private DailyTimer() {
    }

    public static void ensure(TimerService timers, String info, LocalTime at, String zone) {
        ScheduleExpression daily = new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0).timezone(zone);
        boolean scheduled = false;
        for (Timer timer : timers.getTimers()) {
            if (info.equals(timer.getInfo()) && timer.isPersistent()) {
                ScheduleExpression existing = timer.getSchedule();
                if (existing.getHour().equals(daily.getHour()) && existing.getMinute().equals(daily.getMinute())
                        && zone.equals(existing.getTimezone()) && !scheduled) {
                    scheduled = true;
                } else {
                    timer.cancel();
                }
            }
        }
        if (!scheduled) {
            timers.createCalendarTimer(daily, new TimerConfig(info, true));
        }
    }
}
