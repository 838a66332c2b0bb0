package jp.sapphire.monitoring.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import jp.sapphire.backup.boundary.Backups;
import jp.sapphire.monitoring.control.Facts;
import jp.sapphire.operations.boundary.JobRecords;

/**
 * Reads the facts the monitoring works on, as the provider's system role: the newest backup, the
 * daily jobs' last runs, the outbox, the database's size, each tenant's counts and bytes
 * ({@code tenant_storage()}, V34), open incidents, deletions not yet executed, the heap after the
 * last collection and the requests that waited for a connection. Counts, sizes and times only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FactCollector {

    /** Liberty's statistics of a connection pool (its monitor feature, which mpMetrics enables). */
    static final String POOL_STATS = "WebSphere:type=ConnectionPoolStats,*";

    private static final System.Logger LOG = System.getLogger(FactCollector.class.getName());

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @EJB
    Backups backups;

    @EJB
    JobRecords jobs;

    @Inject
    Clock clock;

    public Facts collect() {
        Instant at = clock.instant();
        Backups.GenerationInfo newest = backups.newest();
        Facts.Backup backup = newest == null ? null : new Facts.Backup(newest.generation(), newest.kind().name(),
                Instant.parse(newest.createdAt()), newest.bytes());
        List<Facts.Job> jobRuns = jobs.all().stream().map(run -> new Facts.Job(run.getJob(), run.getServer(), run.getStartedAt(),
                run.getFinishedAt(), run.getOutcome(), run.getVerified(), run.getDetail())).toList();
        return new Facts(at, backup, jobRuns, outbox(), operatorMailWaiting(), databaseBytes(), tenants(), openIncidents(),
                deletions(), heapAfterGc(), poolRequestsQueued(), openAlerts());
    }

    private Facts.Outbox outbox() {
        Object[] row = (Object[]) system.createNativeQuery("SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL),"
                + " min(created_at) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL), count(*) FILTER (WHERE failed_at IS NOT NULL)"
                + " FROM mail_outbox").getSingleResult();
        return new Facts.Outbox(number(row[0]), instant(row[1]), number(row[2]));
    }

    private long operatorMailWaiting() {
        return number(system.createNativeQuery("SELECT count(*) FROM operator_mail WHERE sent_at IS NULL AND failed_at IS NULL")
                .getSingleResult());
    }

    private long databaseBytes() {
        return number(system.createNativeQuery("SELECT pg_database_size(current_database())").getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Facts.TenantStorage> tenants() {
        List<Object[]> rows = system.createNativeQuery("SELECT t.slug, s.members, s.reports, s.lines, s.receipts, s.receipt_bytes,"
                + " s.log_entries FROM tenant_storage() s JOIN tenant t ON t.id = s.tenant ORDER BY t.slug").getResultList();
        return rows.stream().map(row -> new Facts.TenantStorage((String) row[0], number(row[1]), number(row[2]), number(row[3]),
                number(row[4]), number(row[5]), number(row[6]))).toList();
    }

    private long openIncidents() {
        return number(system.createNativeQuery("SELECT count(*) FROM incident WHERE resolved_at IS NULL").getSingleResult());
    }

    private long openAlerts() {
        return number(system.createNativeQuery("SELECT count(*) FROM monitor_alert WHERE cleared_at IS NULL").getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Facts.Deletion> deletions() {
        List<Object[]> rows = system.createNativeQuery("SELECT t.slug, d.due_at FROM tenant_deletion d JOIN tenant t"
                + " ON t.id = d.tenant_ref WHERE d.executed_at IS NULL ORDER BY d.due_at, t.slug").getResultList();
        return rows.stream().map(row -> new Facts.Deletion((String) row[0], instant(row[1]))).toList();
    }

    /** The share of the heap's maximum still used after the last collection of each heap pool; null where unknown. */
    static Double heapAfterGc() {
        long used = 0;
        boolean known = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                    ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                used += afterGc.getUsed();
                known = true;
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        return known && max > 0 ? (double) used / max : null;
    }

    /** How many requests have had to wait for a connection since the server started, over every pool. */
    static long poolRequestsQueued() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long queued = 0;
        try {
            for (ObjectName pool : server.queryNames(new ObjectName(POOL_STATS), null)) {
                // the waits for a connection: Liberty's mpMetrics shows this count as connectionpool_queuedRequests_total
                CompositeData waits = (CompositeData) server.getAttribute(pool, "WaitTimeDetails");
                queued += ((Number) waits.get("count")).longValue();
            }
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Connection pool statistics not read: " + e);
        }
        return queued;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
