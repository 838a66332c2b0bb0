package jp.sapphire.backup.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.backup.control.BackupDatabase;
import jp.sapphire.backup.control.BackupKeys;
import jp.sapphire.backup.control.FileBackupStore;
import jp.sapphire.backup.control.GenerationWriter;
import jp.sapphire.backup.control.Generations;
import jp.sapphire.backup.control.Manifest;
import jp.sapphire.notification.boundary.MailSender;
import jp.sapphire.notification.control.NotificationTexts;
import jp.sapphire.notification.control.TenantAnnouncer;
import jp.sapphire.platform.control.DailyTimers;
import jp.sapphire.platform.control.KeyRing;
import jp.sapphire.tenant.boundary.TenantDeletions;
import jp.sapphire.tenant.entity.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The daily backup and what operators do with it (docs/BACKUP.md). Only operators reach it:
 * through the JMX MBean {@code jp.sapphire:type=Backups} ({@link BackupOperations}); no page or
 * endpoint of a tenant does. One operation runs at a time; each is written to the system audit
 * log. The daily run fires on a calendar timer at {@code sapphire.backup.time} in
 * {@code sapphire.backup.zone}; of several servers on one database exactly one runs it (a claim
 * per day in {@code backup_run}), and a server that starts after the time catches up.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Backups {

    private static final System.Logger LOG = System.getLogger(Backups.class.getName());
    private static final String OPERATOR_SYSTEM = "system:backup-timer";
    /** The persistent daily timer, one in the database for all servers sharing it. */
    private static final String DAILY = "daily backup";

    /** A generation as operators see it. */
    public record GenerationInfo(long generation, Manifest.Kind kind, Long base, String createdAt, String location,
                                 long rows, long bytes, String status) {
    }

    @Resource(lookup = "jdbc/sapphireBackup")
    DataSource live;

    @EJB
    TenantDeletions deletions;

    @Resource(lookup = "jdbc/sapphireDrill")
    DataSource drill;

    @Resource(lookup = "jdbc/sapphireDrillMigration")
    DataSource drillOwner;

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @EJB
    SystemAudit audit;

    @EJB
    Maintenance maintenance;

    @Inject
    TenantAnnouncer announcer;

    @EJB
    MailSender mail;

    @Inject
    @ConfigProperty(name = "sapphire.backup.restore-notice-lead", defaultValue = "PT24H")
    Duration noticeLead;

    @Inject
    @ConfigProperty(name = "sapphire.backup.maintenance-drain", defaultValue = "PT5S")
    Duration drain;

    @Inject
    @ConfigProperty(name = "sapphire.backup.directory")
    String directory;

    @Inject
    @ConfigProperty(name = "sapphire.backup.location", defaultValue = "asia")
    String location;

    @Inject
    @ConfigProperty(name = "sapphire.backup.key-id")
    String keyId;

    @Inject
    @ConfigProperty(name = "sapphire.backup.key")
    String key;

    @Inject
    @ConfigProperty(name = "sapphire.backup.retired-keys")
    Optional<String> retiredKeys;

    @Inject
    @ConfigProperty(name = "sapphire.backup.time", defaultValue = "02:00")
    String time;

    @Inject
    DailyTimers dailyTimers;

    @Inject
    Clock clock;

    private final ReentrantLock running = new ReentrantLock();
    private BackupKeys keys;

    @PostConstruct
    void start() {
        keys = new BackupKeys(keyId, KeyRing.parse(keyId, key, retiredKeys));
        if (!dailyTimers.ensure(timers, DAILY, time)) {
            LOG.log(System.Logger.Level.INFO, "Backup timers are off on this server (sapphire.backup.timers.enabled)");
            return;
        }
        timers.createSingleActionTimer(60_000, new TimerConfig("daily backup catch-up", false));
    }

    @Timeout
    void daily() {
        runDaily();
    }

    /**
     * The daily run: once per day across servers; after a missed time, as soon as a server is up.
     * The day is the batch zone's, and it begins at the backup time: before 02:00 in Tokyo it is
     * still the day before. Answers whether this call made the day's backup.
     */
    public boolean runDaily() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), dailyTimers.zone());
        LocalDate day = now.toLocalTime().isBefore(LocalTime.parse(time)) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        try {
            if (new BackupDatabase(live).claim(day, serverName(), clock.instant())) {
                backupNow(OPERATOR_SYSTEM);
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The daily backup of " + day + " failed", e);
        }
        return false;
    }

    /** Writes the next generation (incremental when it can follow the newest), then keeps the newest 7. */
    public Manifest backupNow(String operator) {
        return exclusively(operator, SystemEvent.BACKUP_CREATED, () -> {
            Generations generations = generations();
            List<Long> numbers = generations.numbers();
            BackupDatabase database = new BackupDatabase(live);
            BackupDatabase.Snapshot now = database.identity();
            long next = numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
            Manifest newest = numbers.isEmpty() ? null : newestReadable(generations, numbers);
            boolean follows = newest != null && newest.generation() == next - 1 && newest.epoch().equals(now.epoch())
                    && newest.schemaVersion().equals(now.schemaVersion());
            Manifest made = database.backup(new GenerationWriter(store(), keys, next), next,
                    follows ? newest.generation() : null, follows ? newest.toSeq() : 0, location, keys.currentId(),
                    clock.instant());
            database.forgetTombstones(made.toSeq());
            prune(generations, operator);
            return made;
        }, made -> "generation " + made.generation() + " " + made.kind() + " rows=" + made.rows() + " bytes=" + made.bytes());
    }

    /**
     * Keeps the newest 7. A damaged old generation stops the pruning, never the backup: the new
     * generation is there, and the operator is told in the audit log and the server log.
     */
    private void prune(Generations generations, String operator) throws IOException {
        try {
            List<Long> pruned = generations.prune();
            if (!pruned.isEmpty()) {
                audit.success(SystemEvent.BACKUP_PRUNED, null, operator, "generations " + pruned);
            }
        } catch (Generations.Damaged damaged) {
            audit.failure(SystemEvent.BACKUP_PRUNED, null, operator, truncate(damaged.getMessage()));
            LOG.log(System.Logger.Level.ERROR, "Old backup generations could not be pruned: " + damaged.getMessage());
        }
    }

    /** Every kept generation, oldest first, with its size and whether its manifest holds. */
    public List<GenerationInfo> list(String operator) {
        return exclusively(operator, SystemEvent.BACKUP_LISTED, () -> {
            Generations generations = generations();
            List<GenerationInfo> infos = new ArrayList<>();
            for (long number : generations.numbers()) {
                long bytes = store().size(number);
                try {
                    Manifest m = generations.manifest(number);
                    infos.add(new GenerationInfo(number, m.kind(), m.base(), m.createdAt().toString(), m.location(), m.rows(),
                            bytes, "OK"));
                } catch (Generations.Damaged damaged) {
                    infos.add(new GenerationInfo(number, null, null, null, null, 0, bytes, "DAMAGED: " + damaged.getMessage()));
                }
            }
            return infos;
        }, infos -> infos.size() + " generations");
    }

    /** Checks every chunk of a generation and the chain below it; a problem names generation and chunk. */
    public List<Manifest> verify(String operator, long generation) {
        return exclusively(operator, SystemEvent.BACKUP_VERIFIED, () -> generations().verify(generation),
                chain -> "generation " + generation + " verified with its chain " + chain.stream()
                        .map(Manifest::generation).toList());
    }

    /** Restores a generation into the scratch database (brought to the current schema first): the drill. */
    public Manifest restoreDrill(String operator, long generation) {
        return exclusively(operator, SystemEvent.BACKUP_RESTORE_DRILL, () -> {
            List<Manifest> chain = generations().verify(generation);
            Flyway.configure(Backups.class.getClassLoader()).dataSource(drillOwner).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
            new BackupDatabase(drill).restore(generations(), chain);
            return chain.get(chain.size() - 1);
        }, restored -> "generation " + generation + " restored into the drill database");
    }

    /** Puts back one tenant as of a generation, in the live database, leaving every other tenant as it is. */
    public Manifest restoreTenant(String operator, String slug, long generation) {
        UUID tenant = system.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug)
                .getResultStream().findFirst().map(Tenant::getId)
                .orElseThrow(() -> new IllegalArgumentException("no tenant " + slug));
        return exclusively(operator, SystemEvent.BACKUP_TENANT_RESTORED, tenant, () -> {
            if (deletions.isDeleted(tenant)) {
                throw new IllegalStateException("tenant " + slug + " was deleted at the end of its contract; its data is not restored");
            }
            List<Manifest> chain = generations().verify(generation);
            new BackupDatabase(live).restoreTenant(generations(), chain, tenant);
            return chain.get(chain.size() - 1);
        }, restored -> "tenant " + slug + " restored to generation " + generation);
    }

    /**
     * Publishes to every tenant that the whole system will be restored to {@code generation} at
     * {@code at}, and why: shown on every page of every tenant and mailed to their administrators.
     * A live restore is refused until such a notice is at least {@code sapphire.backup.restore-notice-lead}
     * old and its time has come.
     */
    public Maintenance.Notice publishRestoreNotice(String operator, long generation, Instant at, String reason) {
        return exclusively(operator, SystemEvent.BACKUP_RESTORE_NOTICE, () -> publish(operator, generation, at, reason, false),
                notice -> "restore to generation " + generation + " at " + at + " announced: " + notice.reason());
    }

    /** Restores the whole live database to a generation, in maintenance mode, as its notice announced. */
    public Manifest restoreLive(String operator, long generation) {
        return exclusively(operator, SystemEvent.BACKUP_RESTORED_LIVE, () -> {
            Instant now = clock.instant();
            Maintenance.Notice notice = maintenance.notices().stream()
                    .filter(n -> n.generation() == generation && n.carriedOutAt() == null).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("No restore notice names generation " + generation
                            + ": publish one (publishRestoreNotice) at least " + noticeLead + " ahead, or use the emergency restore."));
            if (!notice.emergency() && notice.publishedAt().plus(noticeLead).isAfter(now)) {
                throw new IllegalStateException("The restore notice for generation " + generation + " was published at "
                        + notice.publishedAt() + "; a live restore may start " + noticeLead + " after that, at "
                        + notice.publishedAt().plus(noticeLead) + ".");
            }
            if (notice.scheduledAt().isAfter(now)) {
                throw new IllegalStateException("The restore notice for generation " + generation + " announces it for "
                        + notice.scheduledAt() + ", which has not come yet.");
            }
            return restoreInMaintenance(generation, notice);
        }, restored -> "the live database restored to generation " + generation);
    }

    /** A live restore that cannot wait: the notice is published and mailed first, then the restore runs. */
    public Manifest restoreLiveEmergency(String operator, long generation, String reason) {
        return exclusively(operator, SystemEvent.BACKUP_RESTORED_LIVE, () -> {
            Instant announced = clock.instant();
            Maintenance.Notice notice = publish(operator, generation, announced, reason, true);
            mail.deliverNow();
            awaitMailSince(announced, Duration.ofSeconds(30));
            return restoreInMaintenance(generation, notice);
        }, restored -> "emergency: the live database restored to generation " + generation + " (" + reason + ")");
    }

    /** Puts every server into maintenance (users see the maintenance page) until {@link #endMaintenance}. */
    public String beginMaintenance(String operator, String reason) {
        return exclusively(operator, SystemEvent.MAINTENANCE_CHANGED, () -> {
            setMaintenance(reason);
            return reason;
        }, r -> "maintenance begun: " + r);
    }

    public String endMaintenance(String operator) {
        return exclusively(operator, SystemEvent.MAINTENANCE_CHANGED, () -> {
            setMaintenance(null);
            return "";
        }, r -> "maintenance ended");
    }

    private Maintenance.Notice publish(String operator, long generation, Instant at, String reason, boolean emergency)
            throws Exception {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new IllegalArgumentException("A restore notice needs a reason of 1 to 1000 characters.");
        }
        List<Manifest> chain = generations().verify(generation);
        Manifest target = chain.get(chain.size() - 1);
        int told = announcer.tellEveryTenant((locale, zone) ->
                NotificationTexts.restoreNotice(locale, zone, at, reason.strip(), target.createdAt(), emergency));
        // Published once every tenant has been told: the lead time counts from here.
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try (Connection connection = live.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO backup_notice (id, generation, scheduled_at,"
                     + " reason, data_as_of, emergency, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setLong(2, generation);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.setString(4, reason.strip());
            insert.setTimestamp(5, Timestamp.from(target.createdAt()));
            insert.setBoolean(6, emergency);
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setString(8, operator);
            insert.executeUpdate();
        }
        LOG.log(System.Logger.Level.INFO, "Restore notice for generation {0} (chain from {1}) mailed to {2} administrators",
                generation, chain.get(0).generation(), told);
        maintenance.refresh();
        return new Maintenance.Notice(id, generation, at, reason.strip(), target.createdAt(), emergency, now, null);
    }

    private Manifest restoreInMaintenance(long generation, Maintenance.Notice notice) throws Exception {
        List<Manifest> chain = generations().verify(generation);
        setMaintenance(notice.reason());
        try {
            Thread.sleep(drain.toMillis());
            new BackupDatabase(live).restore(generations(), chain);
            deletions.reapply("system:after-restore");
            try (Connection connection = live.getConnection();
                 PreparedStatement done = connection.prepareStatement(
                         "UPDATE backup_notice SET carried_out_at = ? WHERE id = ?")) {
                done.setTimestamp(1, Timestamp.from(clock.instant()));
                done.setObject(2, notice.id());
                done.executeUpdate();
            }
        } finally {
            setMaintenance(null);
        }
        return chain.get(chain.size() - 1);
    }

    private void setMaintenance(String reason) throws SQLException {
        try (Connection connection = live.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE backup_state SET maintenance_since = CASE WHEN ?::text IS NULL THEN NULL ELSE ?::timestamptz END,"
                             + " maintenance_reason = ?")) {
            update.setString(1, reason);
            update.setTimestamp(2, Timestamp.from(clock.instant()));
            update.setString(3, reason);
            update.executeUpdate();
        }
        maintenance.refresh();
    }

    /** Waits until the mail queued since {@code since} has left, or the time is up. */
    private void awaitMailSince(Instant since, Duration limit) throws SQLException, InterruptedException {
        // A wait measured on the monotonic timer: how long it lasts is no date of the business.
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - until < 0) {
            try (Connection connection = live.getConnection();
                 PreparedStatement pending = connection.prepareStatement("SELECT count(*) FROM mail_outbox"
                         + " WHERE sent_at IS NULL AND failed_at IS NULL AND created_at >= ?")) {
                pending.setTimestamp(1, Timestamp.from(since));
                try (ResultSet row = pending.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
            }
            mail.deliverNow();
            Thread.sleep(250);
        }
        LOG.log(System.Logger.Level.WARNING, "Emergency restore notice: some mail had not left after " + limit);
    }

    private Manifest newestReadable(Generations generations, List<Long> numbers) throws IOException {
        try {
            return generations.manifest(numbers.get(numbers.size() - 1));
        } catch (Generations.Damaged damaged) {
            return null;
        }
    }

    private Generations generations() {
        return new Generations(store(), keys);
    }

    private FileBackupStore store() {
        return new FileBackupStore(Path.of(directory));
    }

    private static String serverName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> T exclusively(String operator, SystemEvent event, Work<T> work, Function<T, String> done) {
        return exclusively(operator, event, null, work, done);
    }

    /** One operation at a time; success and failure both go to the system audit log. */
    private <T> T exclusively(String operator, SystemEvent event, UUID tenant, Work<T> work,
                              Function<T, String> done) {
        if (!running.tryLock()) {
            audit.failure(event, tenant, operator, "another backup operation is running");
            throw new IllegalStateException("Another backup operation is running; try again when it has finished.");
        }
        try {
            T result = work.run();
            audit.success(event, tenant, operator, done.apply(result));
            return result;
        } catch (Generations.Damaged damaged) {
            audit.failure(event, tenant, operator, truncate(damaged.getMessage()));
            throw new IllegalStateException(damaged.getMessage());
        } catch (IllegalStateException | IllegalArgumentException refused) {
            audit.failure(event, tenant, operator, truncate(refused.getMessage()));
            LOG.log(System.Logger.Level.WARNING, "Backup operation " + event + " refused: " + refused.getMessage());
            throw refused;
        } catch (Exception e) {
            audit.failure(event, tenant, operator, truncate(e.toString()));
            LOG.log(System.Logger.Level.ERROR, "Backup operation " + event + " failed", e);
            throw new IllegalStateException(e.getMessage());
        } finally {
            running.unlock();
        }
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }
}
