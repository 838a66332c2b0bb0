package jp.sapphire.operations.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import jp.sapphire.operations.control.ServerName;
import jp.sapphire.operations.entity.JobRun;

/**
 * The last run of each daily job, for the operators' status and the monitoring: recorded when it
 * starts and when it ends, each in a transaction of its own, so that a job that fails still says so.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobRecords {

    public static final String BACKUP = "backup";
    public static final String DELETIONS = "deletions";
    public static final String ALERTS = "alerts";
    public static final String PITR = "pitr";
    public static final String REMINDERS = "reminders";

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Inject
    Clock clock;

    public void started(String job) {
        JobRun run = system.find(JobRun.class, job);
        if (run == null) {
            run = new JobRun(job);
            system.persist(run);
        }
        run.started(ServerName.current(), clock.instant());
    }

    /** The run ended; {@code verified}: the backup read its new generation back (null for other jobs). */
    public void finished(String job, boolean success, Boolean verified, String detail) {
        JobRun run = system.find(JobRun.class, job);
        if (run != null) {
            run.finished(clock.instant(), success, verified, detail);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<JobRun> all() {
        return system.createQuery("SELECT r FROM JobRun r ORDER BY r.job", JobRun.class).getResultList();
    }
}
