package jp.sapphire.operations.control;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provider's batch jobs (the daily backup and deletions at contract end, the alerts every
 * minute): persistent calendar timers that fire once a day at a time of day in
 * {@code sapphire.batch.zone}, or every few minutes, kept in the database's
 * timer store for every server sharing it — created when missing, replaced when their time or zone
 * changed, never twice — and none at all on a server whose batch timers are off
 * ({@code sapphire.batch.timers.enabled=false}, e.g. a web-only server). The settings' old names
 * ({@code sapphire.backup.zone}, {@code sapphire.backup.timers.enabled}) are still read, through
 * the server variables that default the new names to them.
 */
@ApplicationScoped
public class DailyTimers {

    @Inject
    @ConfigProperty(name = "sapphire.batch.zone")
    String zone;

    @Inject
    @ConfigProperty(name = "sapphire.batch.timers.enabled")
    boolean enabled;

    /** Whether this server runs the batch jobs. */
    public boolean enabled() {
        return enabled;
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    /** Makes sure the bean's daily timer {@code info} fires at {@code time}; answers false where batch timers are off. */
    public boolean ensure(TimerService timers, String info, String time) {
        LocalTime at = LocalTime.parse(time);
        return ensure(timers, info, new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0).timezone(zone));
    }

    /**
     * Makes sure the bean's timer {@code info} fires every {@code every} (whole minutes, up to an
     * hour) on whichever server runs the batch timers: one timer for all the servers, like the
     * daily ones; answers false where batch timers are off.
     */
    public boolean ensureEvery(TimerService timers, String info, Duration every) {
        long minutes = every.toMinutes();
        if (minutes < 1 || minutes > 60 || !every.equals(Duration.ofMinutes(minutes))) {
            throw new IllegalArgumentException(info + ": every " + every + " must be whole minutes, 1 to 60");
        }
        return ensure(timers, info, new ScheduleExpression().hour("*").minute("*/" + minutes).second(0).timezone(zone));
    }

    private boolean ensure(TimerService timers, String info, ScheduleExpression schedule) {
        if (!enabled) {
            return false;
        }
        boolean scheduled = false;
        for (Timer timer : timers.getTimers()) {
            if (info.equals(timer.getInfo()) && timer.isPersistent()) {
                ScheduleExpression existing = timer.getSchedule();
                if (existing.getHour().equals(schedule.getHour()) && existing.getMinute().equals(schedule.getMinute())
                        && zone.equals(existing.getTimezone()) && !scheduled) {
                    scheduled = true;
                } else {
                    timer.cancel();
                }
            }
        }
        if (!scheduled) {
            timers.createCalendarTimer(schedule, new TimerConfig(info, true));
        }
        return true;
    }
}
