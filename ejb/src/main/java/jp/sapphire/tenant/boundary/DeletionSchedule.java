package jp.sapphire.tenant.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.List;
import jp.sapphire.operations.boundary.JobRecords;
import jp.sapphire.operations.control.DailyTimers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily job that executes deletion requests before they fall due
 * ({@link TenantDeletions#executeDue}), on a persistent calendar timer at
 * {@code sapphire.deletion.time} in {@code sapphire.batch.zone}; off where batch timers are off
 * ({@code sapphire.batch.timers.enabled}).
 */
@Singleton
@Startup
public class DeletionSchedule {

    private static final System.Logger LOG = System.getLogger(DeletionSchedule.class.getName());
    private static final String DAILY = "daily tenant deletions";

    @Resource
    TimerService timers;

    @EJB
    TenantDeletions deletions;

    @Inject
    @ConfigProperty(name = "sapphire.deletion.time")
    String time;

    @Inject
    DailyTimers dailyTimers;

    @EJB
    JobRecords jobs;

    @PostConstruct
    void start() {
        dailyTimers.ensure(timers, DAILY, time);
    }

    @Timeout
    void daily() {
        jobs.started(JobRecords.DELETIONS);
        try {
            List<String> deleted = deletions.executeDue("system:deletion-timer");
            LOG.log(System.Logger.Level.INFO, "Tenants deleted before their due date: " + deleted);
            jobs.finished(JobRecords.DELETIONS, true, null, deleted.size() + " tenants deleted");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The daily tenant deletions failed", e);
            jobs.finished(JobRecords.DELETIONS, false, null, e.toString());
        }
    }
}
