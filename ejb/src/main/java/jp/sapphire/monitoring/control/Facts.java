package jp.sapphire.monitoring.control;

import java.time.Instant;
import java.util.List;

/**
 * The service's state as the monitoring reads it at {@code at}: counts, sizes and times, never a
 * tenant's content. A value not known (no backup yet) is null.
 */
public record Facts(Instant at, Backup newestBackup, List<Job> jobs, Outbox outbox, long operatorMailWaiting, long databaseBytes,
                    List<TenantStorage> tenants, long openIncidents, List<Deletion> deletions, Double heapAfterGc,
                    long poolRequestsQueued, long openAlerts) {

    /** The newest backup generation: its number, kind, when it was made, its size. */
    public record Backup(long generation, String kind, Instant createdAt, long bytes) {
    }

    /** The last run of a daily job. */
    public record Job(String job, String server, Instant startedAt, Instant finishedAt, String outcome, Boolean verified,
                      String detail) {
    }

    /** The tenants' outbox: mail waiting, since when the oldest waits, mail given up after the last attempt. */
    public record Outbox(long waiting, Instant oldestWaiting, long givenUp) {
    }

    /** What a tenant stores: rows of the main tables and the bytes of its receipts. */
    public record TenantStorage(String slug, long members, long reports, long lines, long receipts, long receiptBytes,
                                long logEntries) {

        public long rows() {
            return members + reports + lines + receipts + logEntries;
        }
    }

    /** A deletion at contract end not yet executed, and when it falls due. */
    public record Deletion(String slug, Instant dueAt) {
    }

    public Job job(String name) {
        return jobs.stream().filter(job -> job.job().equals(name)).findFirst().orElse(null);
    }
}
