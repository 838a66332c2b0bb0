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
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.backup.control.BackupDatabase;
import jp.sapphire.backup.control.BackupVault;
import jp.sapphire.backup.control.GenerationWriter;
import jp.sapphire.backup.control.Generations;
import jp.sapphire.backup.control.Manifest;
import jp.sapphire.backup.control.OneOperationAtATime;
import jp.sapphire.operations.boundary.JobRecords;
import jp.sapphire.operations.control.DailyTimers;
import jp.sapphire.operations.control.ServerName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The daily backup, and the operators' backups, listings, verifications and restore drills
 * (docs/BACKUP.md; restores of live data are {@link Restores}). Only operators reach it: through
 * the JMX MBean {@code jp.sapphire:type=Backups} ({@link BackupOperations}); no page or endpoint
 * of a tenant does. One operation runs at a time ({@link OneOperationAtATime}); each is written to
 * the system audit log. The daily run fires on a calendar timer at {@code sapphire.backup.time} in
 * {@code sapphire.batch.zone}; of several servers on one database exactly one runs it (a claim
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

    @Resource(lookup = "jdbc/sapphireDrill")
    DataSource drill;

    @Resource(lookup = "jdbc/sapphireDrillMigration")
    DataSource drillOwner;

    @Resource
    TimerService timers;

    @EJB
    SystemAudit audit;

    @Inject
    BackupVault vault;

    @Inject
    @ConfigProperty(name = "sapphire.backup.time")
    String time;

    @Inject
    DailyTimers dailyTimers;

    @Inject
    OneOperationAtATime oneAtATime;

    @Inject
    Clock clock;

    @EJB
    JobRecords jobs;

    @PostConstruct
    void start() {
        if (!dailyTimers.ensure(timers, DAILY, time)) {
            LOG.log(System.Logger.Level.INFO, "Backup timers are off on this server (sapphire.batch.timers.enabled)");
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
            if (new BackupDatabase(live).claim(day, ServerName.current(), clock.instant())) {
                runRecorded();
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The daily backup of " + day + " failed", e);
        }
        return false;
    }

    /**
     * The daily backup with its record for the monitoring (docs/MONITORING.md): the new generation
     * is verified at once (read back, its chunks' hashes checked and opened), and the run's time,
     * size and verdict kept as the job's last run.
     */
    public Manifest runRecorded() {
        jobs.started(JobRecords.BACKUP);
        try {
            Manifest made = backupNow(OPERATOR_SYSTEM);
            boolean verified;
            try {
                verify(OPERATOR_SYSTEM, made.generation());
                verified = true;
            } catch (RuntimeException failed) {
                verified = false;
            }
            jobs.finished(JobRecords.BACKUP, true, verified, "generation=" + made.generation() + " " + made.kind()
                    + " bytes=" + made.bytes());
            return made;
        } catch (RuntimeException e) {
            jobs.finished(JobRecords.BACKUP, false, null, OneOperationAtATime.truncate(e.toString()));
            throw e;
        }
    }

    /** Writes the next generation (incremental when it can follow the newest), then keeps the newest 7. */
    public Manifest backupNow(String operator) {
        return exclusively(operator, SystemEvent.BACKUP_CREATED, () -> {
            Generations generations = vault.generations();
            List<Long> numbers = generations.numbers();
            BackupDatabase database = new BackupDatabase(live);
            BackupDatabase.Snapshot now = database.identity();
            long next = numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
            Manifest newest = numbers.isEmpty() ? null : newestReadable(generations, numbers);
            boolean follows = newest != null && newest.generation() == next - 1 && newest.epoch().equals(now.epoch())
                    && newest.schemaVersion().equals(now.schemaVersion()) && newest.format() == Manifest.FORMAT;
            Manifest made;
            try (GenerationWriter writer = new GenerationWriter(vault.store(), vault.keys(), next)) {
                made = database.backup(writer, next, follows ? newest.generation() : null, follows ? newest.toSeq() : 0,
                        vault.location(), vault.keys().currentId(), clock.instant());
            }
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
            audit.failure(SystemEvent.BACKUP_PRUNED, null, operator, OneOperationAtATime.truncate(damaged.getMessage()));
            LOG.log(System.Logger.Level.ERROR, "Old backup generations could not be pruned: " + damaged.getMessage());
        }
    }

    /** Every kept generation, oldest first, with its size and whether its manifest holds. */
    public List<GenerationInfo> list(String operator) {
        return exclusively(operator, SystemEvent.BACKUP_LISTED, () -> {
            Generations generations = vault.generations();
            List<GenerationInfo> infos = new ArrayList<>();
            for (long number : generations.numbers()) {
                long bytes = vault.store().size(number);
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

    /**
     * The newest generation whose manifest reads, with its size, for the monitoring; null when
     * there is none. Not an operator's operation (nothing is audited), and it never waits for one.
     */
    public GenerationInfo newest() {
        try {
            Generations generations = vault.generations();
            List<Long> numbers = generations.numbers();
            for (int i = numbers.size() - 1; i >= 0; i--) {
                try {
                    Manifest m = generations.manifest(numbers.get(i));
                    return new GenerationInfo(m.generation(), m.kind(), m.base(), m.createdAt().toString(), m.location(),
                            m.rows(), vault.store().size(m.generation()), "OK");
                } catch (Generations.Damaged damaged) {
                    // being written, or damaged: the one before it is the newest that can be restored
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("The backup vault cannot be read: " + e.getMessage(), e);
        }
    }

    /** Checks every chunk of a generation and the chain below it; a problem names generation and chunk. */
    public List<Manifest> verify(String operator, long generation) {
        return exclusively(operator, SystemEvent.BACKUP_VERIFIED, () -> vault.generations().verify(generation),
                chain -> "generation " + generation + " verified with its chain " + chain.stream()
                        .map(Manifest::generation).toList());
    }

    /** Restores a generation into the scratch database (brought to the current schema first): the drill. */
    public Manifest restoreDrill(String operator, long generation) {
        return exclusively(operator, SystemEvent.BACKUP_RESTORE_DRILL, () -> {
            List<Manifest> chain = vault.generations().verify(generation);
            Flyway.configure(Backups.class.getClassLoader()).dataSource(drillOwner).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
            new BackupDatabase(drill).restore(vault.generations(), chain);
            return chain.get(chain.size() - 1);
        }, restored -> "generation " + generation + " restored into the drill database");
    }

    private Manifest newestReadable(Generations generations, List<Long> numbers) throws IOException {
        try {
            return generations.manifest(numbers.get(numbers.size() - 1));
        } catch (Generations.Damaged damaged) {
            return null;
        }
    }


    private <T> T exclusively(String operator, SystemEvent event, OneOperationAtATime.Work<T> work, Function<T, String> done) {
        return oneAtATime.run(operator, event, null, work, done);
    }
}
