package jp.sapphire.monitoring.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which alert conditions hold, from the facts and the thresholds: a backup too old (or none), a
 * backup — daily, or point-in-time — that failed or did not verify, a point-in-time base backup
 * too old, mail waiting too long in the outbox, requests waiting for a database
 * connection too long, the database disk too full, a tenant above its plan, a deletion at contract
 * end about to fall due and not executed, the heap too full after a collection. Each condition has
 * a key (one alert per key at a time) and words for the operators. Plain rules, docs/MONITORING.md.
 */
public final class AlertRules {

    /** A condition that holds: its key, the tenant it concerns (or null) and what to tell the operators. */
    public record Condition(String key, String tenant, String detail) {
    }

    /** The daily jobs that back up, and what the operators call them: each must succeed and verify. */
    private static final List<Map.Entry<String, String>> BACKUP_JOBS = List.of(Map.entry("backup", "daily backup"),
            Map.entry("pitr", "point-in-time base backup"));

    private AlertRules() {
    }

    /** {@code poolWaitingSince}: since when requests have kept waiting for a connection (null: none waits). */
    public static List<Condition> holding(Facts facts, Thresholds limits, Instant now, Instant poolWaitingSince) {
        List<Condition> holding = new ArrayList<>();
        Duration maxBackupAge = limits.duration(Thresholds.BACKUP_MAX_AGE);
        if (facts.newestBackup() == null) {
            holding.add(new Condition("backup.age", null, "No backup generation exists."));
        } else {
            Duration age = Duration.between(facts.newestBackup().createdAt(), now);
            if (age.compareTo(maxBackupAge) > 0) {
                holding.add(new Condition("backup.age", null, "The newest backup, generation " + facts.newestBackup().generation()
                        + ", is " + words(age) + " old; the limit is " + words(maxBackupAge) + "."));
            }
        }
        for (Map.Entry<String, String> backup : BACKUP_JOBS) {
            Facts.Job job = facts.job(backup.getKey());
            if (job != null && ("FAILURE".equals(job.outcome()) || Boolean.FALSE.equals(job.verified()))) {
                holding.add(new Condition(backup.getKey() + ".run", null, "The last " + backup.getValue() + ", started " + job.startedAt()
                        + " on " + job.server() + ", " + ("FAILURE".equals(job.outcome()) ? "failed: " + job.detail()
                        : "did not verify: " + job.detail())));
            }
        }
        Facts.Job pitr = facts.job("pitr");
        if (pitr != null && Duration.between(pitr.startedAt(), now).compareTo(maxBackupAge) > 0) {
            holding.add(new Condition("pitr.age", null, "The last point-in-time base backup started " + words(Duration.between(
                    pitr.startedAt(), now)) + " ago; the limit is " + words(maxBackupAge) + "."));
        }
        Duration maxOutboxAge = limits.duration(Thresholds.OUTBOX_MAX_AGE);
        if (facts.outbox().waiting() > 0 && facts.outbox().oldestWaiting() != null) {
            Duration waited = Duration.between(facts.outbox().oldestWaiting(), now);
            if (waited.compareTo(maxOutboxAge) > 0) {
                holding.add(new Condition("outbox.age", null, facts.outbox().waiting() + " mails wait in the outbox, the oldest for "
                        + words(waited) + "; the limit is " + words(maxOutboxAge) + "."));
            }
        }
        Duration poolLimit = limits.duration(Thresholds.POOL_WAITING_FOR);
        if (poolWaitingSince != null && Duration.between(poolWaitingSince, now).compareTo(poolLimit) >= 0) {
            holding.add(new Condition("pool.waiting", null, "Requests have waited for a database connection for "
                    + words(Duration.between(poolWaitingSince, now)) + "; the limit is " + words(poolLimit) + "."));
        }
        long disk = limits.number(Thresholds.DATABASE_DISK_BYTES);
        long maxPercent = limits.number(Thresholds.DATABASE_MAX_PERCENT);
        if (disk > 0 && facts.databaseBytes() * 100 > disk * maxPercent) {
            holding.add(new Condition("database.disk", null, "The database holds " + bytes(facts.databaseBytes()) + ", "
                    + facts.databaseBytes() * 100 / disk + " % of its " + bytes(disk) + "; the limit is " + maxPercent + " %."));
        }
        for (Facts.TenantStorage tenant : facts.tenants()) {
            long plan = limits.planBytes(tenant.slug());
            if (tenant.receiptBytes() > plan) {
                holding.add(new Condition("tenant.storage:" + tenant.slug(), tenant.slug(), "Tenant " + tenant.slug() + " stores "
                        + bytes(tenant.receiptBytes()) + " of receipts; its plan is " + bytes(plan) + "."));
            }
        }
        Duration warnWithin = limits.duration(Thresholds.DELETION_DUE_WITHIN);
        for (Facts.Deletion deletion : facts.deletions()) {
            Duration left = Duration.between(now, deletion.dueAt());
            if (left.compareTo(warnWithin) <= 0) {
                holding.add(new Condition("deletion.due:" + deletion.slug(), deletion.slug(), "The deletion of tenant "
                        + deletion.slug() + " at contract end is due " + deletion.dueAt() + (left.isNegative() ? " (overdue by "
                        + words(left.negated()) + ")" : " (in " + words(left) + ")") + " and has not been executed."));
            }
        }
        long heapLimit = limits.number(Thresholds.HEAP_MAX_PERCENT);
        if (facts.heapAfterGc() != null && facts.heapAfterGc() * 100 > heapLimit) {
            holding.add(new Condition("heap", null, "The heap holds " + Math.round(facts.heapAfterGc() * 100)
                    + " % after the last collection; the limit is " + heapLimit + " %."));
        }
        return holding;
    }

    /** A duration as an operator reads it: days, hours or minutes. */
    public static String words(Duration duration) {
        if (duration.toDays() >= 2) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() >= 1) {
            return duration.toHours() + " h";
        }
        return Math.max(duration.toMinutes(), 0) + " min";
    }

    /** Bytes in binary units. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
