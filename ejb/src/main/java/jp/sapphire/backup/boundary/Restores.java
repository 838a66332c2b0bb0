package jp.sapphire.backup.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.backup.control.BackupDatabase;
import jp.sapphire.backup.control.BackupVault;
import jp.sapphire.backup.control.Manifest;
import jp.sapphire.backup.control.OneOperationAtATime;
import jp.sapphire.backup.control.RestoreNoticeRules;
import jp.sapphire.maintenance.boundary.Maintenance;
import jp.sapphire.notification.boundary.MailSender;
import jp.sapphire.notification.control.NotificationTexts;
import jp.sapphire.notification.control.TenantAnnouncer;
import jp.sapphire.operations.control.Refused;
import jp.sapphire.tenant.boundary.TenantDeletions;
import jp.sapphire.tenant.entity.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Restores of live data, which only the provider does, after failures (whitepaper §13): one
 * tenant as of a generation, or the whole database in maintenance mode on every server. Each is
 * announced beforehand — to the tenants it concerns, on their pages and by mail to their
 * administrators — at least {@code sapphire.backup.restore-notice-lead} ahead; only a restore of
 * the whole system may, when it cannot wait, be announced as it starts. One operation at a time
 * with the backups ({@link OneOperationAtATime}), each in the system audit log.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Restores {

    private static final System.Logger LOG = System.getLogger(Restores.class.getName());

    @Resource(lookup = "jdbc/sapphireBackup")
    DataSource live;

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @EJB
    TenantDeletions deletions;

    @EJB
    Maintenance maintenance;

    @Inject
    TenantAnnouncer announcer;

    @EJB
    MailSender mail;

    @Inject
    BackupVault vault;

    @Inject
    OneOperationAtATime oneAtATime;

    @Inject
    @ConfigProperty(name = "sapphire.backup.restore-notice-lead")
    Duration noticeLead;

    @Inject
    @ConfigProperty(name = "sapphire.backup.maintenance-drain")
    Duration drain;

    @Inject
    Clock clock;

    @EJB
    PointInTime pointInTime;

    /**
     * Puts back one tenant as of a generation, in the live database, leaving every other tenant as
     * it is — as a notice to that tenant announced ({@link #publishTenantRestoreNotice}).
     */
    public Manifest restoreTenant(String operator, String slug, long generation) {
        UUID tenant = tenantOf(slug);
        return oneAtATime.run(operator, SystemEvent.BACKUP_TENANT_RESTORED, tenant, () -> {
            refuseIfDeleted(tenant, slug);
            Maintenance.Notice notice = RestoreNoticeRules.noticeFor(maintenance.notices(), tenant, generation, noticeLead,
                    clock.instant());
            List<Manifest> chain = vault.generations().verify(generation);
            new BackupDatabase(live).restoreTenant(vault.generations(), chain, tenant);
            maintenance.carriedOut(notice);
            return chain.get(chain.size() - 1);
        }, restored -> "tenant " + slug + " restored to generation " + generation);
    }

    /**
     * Publishes to one tenant that its data will be restored to {@code generation} at {@code at},
     * and why: shown on its members' pages and mailed to its administrators. Its restore is
     * refused until the notice is at least {@code sapphire.backup.restore-notice-lead} old and its
     * time has come.
     */
    public Maintenance.Notice publishTenantRestoreNotice(String operator, String slug, long generation, Instant at,
                                                         String reason) {
        UUID tenant = tenantOf(slug);
        return oneAtATime.run(operator, SystemEvent.BACKUP_RESTORE_NOTICE, tenant, () -> {
            refuseIfDeleted(tenant, slug);
            return publish(operator, generation, at, reason, false, tenant);
        }, notice -> "restore of tenant " + slug + " to generation " + generation + " at " + at + " announced: "
                + notice.reason());
    }

    /**
     * Publishes to every tenant that the whole system will be restored to {@code generation} at
     * {@code at}, and why: shown on every page of every tenant and mailed to their administrators.
     * A live restore is refused until such a notice is at least {@code sapphire.backup.restore-notice-lead}
     * old and its time has come.
     */
    public Maintenance.Notice publishRestoreNotice(String operator, long generation, Instant at, String reason) {
        return oneAtATime.run(operator, SystemEvent.BACKUP_RESTORE_NOTICE, null, () -> publish(operator, generation, at, reason, false, null),
                notice -> "restore to generation " + generation + " at " + at + " announced: " + notice.reason());
    }

    /**
     * Publishes to every tenant that the whole system will be restored to the moment {@code to}
     * (point-in-time recovery, docs/BACKUP.md) at {@code at}, and why; {@code to} must lie in the
     * recovery window pgBackRest holds now.
     */
    public Maintenance.Notice publishPointInTimeRestoreNotice(String operator, Instant to, Instant at, String reason) {
        return oneAtATime.run(operator, SystemEvent.BACKUP_RESTORE_NOTICE, null, () -> {
            String why = RestoreNoticeRules.reason(reason);
            PointInTime.Window window = pointInTime.window(operator);
            if (to.isBefore(window.from()) || to.isAfter(window.to())) {
                throw new Refused("The moment " + to + " is outside the recovery window, " + window.from() + " to " + window.to() + ".");
            }
            return announce(operator, RestoreNoticeRules.POINT_IN_TIME, to, at, why, false, null);
        }, notice -> "restore to the moment " + to + " at " + at + " announced: " + notice.reason());
    }

    /**
     * Restores the whole live database to the moment a notice announced, in maintenance mode: the
     * database host's cluster is stopped, restored by pgBackRest and started on a new timeline;
     * afterwards the notice is marked carried out (written again if the moment was before it),
     * the backups start a new chain, and deletions at contract end are applied again.
     */
    public Instant restoreLivePointInTime(String operator, Instant to) {
        return oneAtATime.run(operator, SystemEvent.BACKUP_RESTORED_LIVE, null, () -> {
            Maintenance.Notice notice = RestoreNoticeRules.noticeForMoment(maintenance.notices(), to, noticeLead, clock.instant());
            maintenance.set(notice.reason());
            try {
                Thread.sleep(drain.toMillis());
                pointInTime.restoreLive(operator, to);
                // The database restarted: each pool finds its connections gone on first use.
                afterRestart(() -> {
                    maintenance.set(notice.reason());
                    maintenance.carriedOut(notice);
                    new BackupDatabase(live).newEpoch();
                });
                afterRestart(() -> deletions.reapply("system:after-restore"));
            } finally {
                afterRestart(() -> maintenance.set(null));
            }
            return to;
        }, restored -> "the live database restored to the moment " + restored);
    }

    /** Restores the whole live database to a generation, in maintenance mode, as its notice announced. */
    public Manifest restoreLive(String operator, long generation) {
        return oneAtATime.run(operator, SystemEvent.BACKUP_RESTORED_LIVE, null, () -> {
            Maintenance.Notice notice = RestoreNoticeRules.noticeFor(maintenance.notices(), null, generation, noticeLead,
                    clock.instant());
            return restoreInMaintenance(generation, notice);
        }, restored -> "the live database restored to generation " + generation);
    }

    /** A live restore that cannot wait: the notice is published and mailed first, then the restore runs. */
    public Manifest restoreLiveEmergency(String operator, long generation, String reason) {
        return oneAtATime.run(operator, SystemEvent.BACKUP_RESTORED_LIVE, null, () -> {
            Instant announced = clock.instant();
            Maintenance.Notice notice = publish(operator, generation, announced, reason, true, null);
            mail.deliverAndAwait(announced, Duration.ofSeconds(30));
            return restoreInMaintenance(generation, notice);
        }, restored -> "emergency: the live database restored to generation " + generation + " (" + reason + ")");
    }

    /** Puts every server into maintenance (users see the maintenance page) until {@link #endMaintenance}. */
    public String beginMaintenance(String operator, String reason) {
        return oneAtATime.run(operator, SystemEvent.MAINTENANCE_CHANGED, null, () -> {
            maintenance.set(reason);
            return reason;
        }, r -> "maintenance begun: " + r);
    }

    public String endMaintenance(String operator) {
        return oneAtATime.run(operator, SystemEvent.MAINTENANCE_CHANGED, null, () -> {
            maintenance.set(null);
            return "";
        }, r -> "maintenance ended");
    }

    private UUID tenantOf(String slug) {
        return system.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug)
                .getResultStream().findFirst().map(Tenant::getId)
                .orElseThrow(() -> new Refused("no tenant " + slug));
    }

    private void refuseIfDeleted(UUID tenant, String slug) {
        if (deletions.isDeleted(tenant)) {
            throw new Refused("tenant " + slug + " was deleted at the end of its contract; its data is not restored");
        }
    }

    /** Tells the tenants concerned (one, or every one if {@code tenant} is null), then publishes the notice. */
    private Maintenance.Notice publish(String operator, long generation, Instant at, String reason, boolean emergency,
                                       UUID tenant) throws Exception {
        String why = RestoreNoticeRules.reason(reason);
        List<Manifest> chain = vault.generations().verify(generation);
        return announce(operator, generation, chain.get(chain.size() - 1).createdAt(), at, why, emergency, tenant);
    }

    private Maintenance.Notice announce(String operator, long generation, Instant dataAsOf, Instant at, String why, boolean emergency,
                                        UUID tenant) throws Exception {
        BiFunction<Locale, ZoneId, NotificationTexts.Mail> wording = (locale, zone) ->
                NotificationTexts.restoreNotice(locale, zone, at, why, dataAsOf, emergency, tenant != null);
        int told = tenant == null ? announcer.tellEveryTenant(wording) : announcer.tell(List.of(tenant), wording);
        // Published once the tenants have been told: the lead time counts from here.
        Maintenance.Notice notice = maintenance.publish(generation, at, why, dataAsOf, emergency, operator, tenant);
        LOG.log(System.Logger.Level.INFO, "Restore notice for generation {0} (data as of {1}) mailed to {2} administrators",
                generation, dataAsOf, told);
        return notice;
    }

    /** One step of work against the database. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Work against the database after it restarted: tried again while pooled connections turn out gone, up to 10 s. */
    private static void afterRestart(Step work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (Exception e) {
                if (attempt == 10) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, "After the restart, attempt " + attempt + " failed: " + e);
                Thread.sleep(1000);
            }
        }
    }

    private Manifest restoreInMaintenance(long generation, Maintenance.Notice notice) throws Exception {
        List<Manifest> chain = vault.generations().verify(generation);
        maintenance.set(notice.reason());
        try {
            Thread.sleep(drain.toMillis());
            new BackupDatabase(live).restore(vault.generations(), chain);
            deletions.reapply("system:after-restore");
            maintenance.carriedOut(notice);
        } finally {
            maintenance.set(null);
        }
        return chain.get(chain.size() - 1);
    }
}
