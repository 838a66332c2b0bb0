package jp.sapphire.approval.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.UUID;
import jp.sapphire.notification.control.TenantAnnouncer;
import jp.sapphire.operations.boundary.JobRecords;
import jp.sapphire.operations.control.DailyTimers;
import jp.sapphire.tenant.control.TenantContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily reminders of approvals that wait ({@link ApprovalReminders}), for every tenant under
 * contract, each in a transaction of its own, on a persistent calendar timer at
 * {@code sapphire.reminder.time} in {@code sapphire.batch.zone}; off where batch timers are off.
 * A tenant whose run fails is logged and the others still get theirs.
 */
@Singleton
@Startup
public class ReminderSchedule {

    private static final System.Logger LOG = System.getLogger(ReminderSchedule.class.getName());
    private static final String DAILY = "daily approval reminders";

    @Resource
    TimerService timers;

    @EJB
    ApprovalReminders reminders;

    @EJB
    JobRecords jobs;

    @Inject
    TenantAnnouncer tenants;

    @Inject
    TenantContext context;

    @Inject
    DailyTimers dailyTimers;

    @Inject
    @ConfigProperty(name = "sapphire.reminder.time")
    String time;

    @PostConstruct
    void start() {
        dailyTimers.ensure(timers, DAILY, time);
    }

    @Timeout
    void daily() {
        everyTenant();
    }

    /** Every tenant's reminders of today; answers what was sent in all. */
    public ApprovalReminders.Sent everyTenant() {
        jobs.started(JobRecords.REMINDERS);
        int digests = 0;
        int stalled = 0;
        int escalated = 0;
        int failed = 0;
        for (UUID tenant : tenants.activeTenants()) {
            try {
                ApprovalReminders.Sent sent = context.callAsTenant(tenant, reminders::remind);
                digests += sent.digests();
                stalled += sent.stalled();
                escalated += sent.escalated();
            } catch (RuntimeException e) {
                failed++;
                LOG.log(System.Logger.Level.ERROR, "The approval reminders of tenant " + tenant + " failed", e);
            }
        }
        String detail = digests + " digests, " + stalled + " applicants told, " + escalated + " escalations, "
                + failed + " tenants failed";
        jobs.finished(JobRecords.REMINDERS, failed == 0, null, detail);
        return new ApprovalReminders.Sent(digests, stalled, escalated);
    }
}
