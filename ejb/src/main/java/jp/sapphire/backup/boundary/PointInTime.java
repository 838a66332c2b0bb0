package jp.sapphire.backup.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.backup.control.OneOperationAtATime;
import jp.sapphire.backup.control.PitrCommand;
import jp.sapphire.operations.boundary.JobRecords;
import jp.sapphire.operations.control.DailyTimers;
import jp.sapphire.operations.control.Refused;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Point-in-time recovery of the database (docs/BACKUP.md), with pgBackRest on the database host
 * through {@code sapphire.pitr.command}: a base backup every day and the repository verified right
 * after it, on the batch server's persistent timer at {@code sapphire.pitr.time}, the run recorded
 * for the operators' status and the alerts (a failed backup or a repository that does not verify);
 * and the operators' own backups, listings of recovery points, verifications and drills, each in
 * the system audit log. The WAL between backups is archived by PostgreSQL itself. Nothing here runs
 * where the command is not configured.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class PointInTime {

    private static final System.Logger LOG = System.getLogger(PointInTime.class.getName());
    private static final String OPERATOR_SYSTEM = "system:pitr-timer";
    private static final String DAILY = "daily point-in-time backup";

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "sapphire.pitr.command")
    Optional<String> command;

    @Inject
    @ConfigProperty(name = "sapphire.pitr.time")
    String time;

    @Inject
    @ConfigProperty(name = "sapphire.pitr.limit")
    Duration limit;

    @Inject
    DailyTimers dailyTimers;

    @Inject
    OneOperationAtATime oneAtATime;

    @EJB
    JobRecords jobs;

    @PostConstruct
    void start() {
        if (command.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Point-in-time recovery is not configured on this server (sapphire.pitr.command)");
            return;
        }
        dailyTimers.ensure(timers, DAILY, time);
    }

    @Timeout
    void daily() {
        try {
            runRecorded(OPERATOR_SYSTEM, "");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The daily point-in-time backup failed: " + e.getMessage());
        }
    }

    /**
     * A base backup ({@code type} full, diff or incr; empty: the script's weekly full and daily
     * differential), then the whole repository verified; recorded as the job {@code pitr} whether it
     * worked or not. Answers the two verdicts.
     */
    public String runRecorded(String operator, String type) {
        if (!type.isEmpty() && !List.of("full", "diff", "incr").contains(type)) {
            throw new Refused("The type of a base backup is full, diff or incr, not \"" + type + "\".");
        }
        if (command.isEmpty()) {
            throw new Refused("Point-in-time recovery is not configured on this server (sapphire.pitr.command).");
        }
        jobs.started(JobRecords.PITR);
        PitrCommand.Result backup;
        try {
            backup = call(operator, SystemEvent.PITR_BACKUP, type.isEmpty() ? new String[] {"backup"} : new String[] {"backup", type});
        } catch (RuntimeException e) {
            jobs.finished(JobRecords.PITR, false, null, OneOperationAtATime.truncate(e.getMessage()));
            throw e;
        }
        PitrCommand.Result verified = verify(operator);
        jobs.finished(JobRecords.PITR, true, verified.ok(), "base backup done; " + verified.summary());
        return "backup: OK\n" + String.join("\n", verified.output());
    }

    /** Every file of the repository checked against its checksum; a repository that fails answers its errors. */
    public PitrCommand.Result verify(String operator) {
        PitrCommand.Result result = run(operator, SystemEvent.PITR_VERIFIED, "verify");
        if (!result.ok()) {
            LOG.log(System.Logger.Level.ERROR, "The point-in-time recovery repository did not verify: " + result.summary());
        }
        return result;
    }

    /** The recovery points: each base backup, and the window in which any moment can be restored. */
    public List<String> recoveryPoints(String operator) {
        return call(operator, SystemEvent.PITR_LISTED, "list").output();
    }

    /** A scratch cluster on the database host restored to {@code at} and started (the drill's port is the script's). */
    public List<String> drill(String operator, Instant at) {
        return call(operator, SystemEvent.PITR_DRILL, "drill", at.toString()).output();
    }

    /** The span of moments that can be restored: from the oldest base backup's end to the newest archived WAL. */
    public record Window(Instant from, Instant to) {
    }

    public Window window(String operator) {
        return recoveryPoints(operator).stream().filter(line -> line.startsWith("window ")).findFirst()
                .map(line -> line.split(" ")).map(words -> new Window(Instant.parse(words[1]), Instant.parse(words[2])))
                .orElseThrow(() -> new Refused("No base backup exists yet: nothing can be restored to a moment."));
    }

    /**
     * The live cluster on the database host stopped, restored to {@code to} and started (only
     * {@link Restores#restoreLivePointInTime}, which checks the notice, calls this).
     */
    public List<String> restoreLive(String operator, Instant to) {
        return call(operator, SystemEvent.PITR_RESTORED_LIVE, "restore-live", to.toString()).output();
    }

    /** A run that must succeed: a failure reaches the operator as the tool's last lines. */
    private PitrCommand.Result call(String operator, SystemEvent event, String... arguments) {
        PitrCommand.Result result = run(operator, event, arguments);
        if (!result.ok()) {
            throw new Refused("sapphire-pitr " + arguments[0] + " failed: " + String.join("\n", result.output()));
        }
        return result;
    }

    private PitrCommand.Result run(String operator, SystemEvent event, String... arguments) {
        return oneAtATime.run(operator, event, null, () -> new PitrCommand(command.orElse(null), limit).run(arguments),
                result -> arguments[0] + ": " + result.summary());
    }
}
