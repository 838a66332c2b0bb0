package jp.sapphire.monitoring.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one screen of {@code sapphire-admin status}: the servers, the schema, the newest backup, the
 * open alerts, the outbox, the daily jobs, the database, memory, incidents, deletions due and the
 * ten tenants storing most. Counts, sizes and times; never a tenant's content.
 */
public final class StatusScreen {

    /** A server as it last said it was alive. */
    public record Server(String name, Instant startedAt, Instant seenAt, boolean batch) {
    }

    /** An open alert. */
    public record Alert(String key, Instant raisedAt, String detail) {
    }

    /** A server not seen for this long is marked: it stopped, or cannot reach the database. */
    static final Duration SILENT = Duration.ofMinutes(3);
    static final int TOP = 10;

    private StatusScreen() {
    }

    public static List<String> render(Facts facts, List<Server> servers, String schemaVersion, List<Alert> alerts,
                                      Thresholds limits) {
        Instant now = facts.at();
        List<String> lines = new ArrayList<>();
        lines.add("SAPPHIRE status at " + now + " (UTC)");
        lines.add("Servers (" + servers.size() + ")");
        for (Server server : servers) {
            Duration silent = Duration.between(server.seenAt(), now);
            lines.add("  " + server.name() + (server.batch() ? "  batch" : "  web") + "  up since " + server.startedAt()
                    + "  seen " + AlertRules.words(silent) + " ago" + (silent.compareTo(SILENT) > 0 ? "  NOT SEEN" : ""));
        }
        lines.add("Schema version " + schemaVersion);
        Facts.Backup backup = facts.newestBackup();
        lines.add(backup == null ? "Backup: none" : "Backup: generation " + backup.generation() + " " + backup.kind() + " made "
                + backup.createdAt() + " (" + AlertRules.words(Duration.between(backup.createdAt(), now)) + " old), "
                + AlertRules.bytes(backup.bytes()));
        lines.add("Alerts (" + alerts.size() + " open)");
        for (Alert alert : alerts) {
            lines.add("  " + alert.key() + "  since " + alert.raisedAt() + "  " + alert.detail());
        }
        Facts.Outbox outbox = facts.outbox();
        lines.add("Outbox: " + outbox.waiting() + " waiting" + (outbox.oldestWaiting() == null ? ""
                : " (the oldest for " + AlertRules.words(Duration.between(outbox.oldestWaiting(), now)) + ")") + ", "
                + outbox.givenUp() + " given up; operators' mail: " + facts.operatorMailWaiting() + " waiting");
        lines.add("Daily jobs");
        if (facts.jobs().isEmpty()) {
            lines.add("  none has run yet");
        }
        for (Facts.Job job : facts.jobs()) {
            lines.add("  " + job.job() + "  " + (job.outcome() == null ? "RUNNING" : job.outcome())
                    + (job.verified() == null ? "" : job.verified() ? " verified" : " NOT VERIFIED") + "  started "
                    + job.startedAt() + (job.finishedAt() == null ? "" : " took "
                    + Duration.between(job.startedAt(), job.finishedAt()).toMillis() + " ms") + " on " + job.server()
                    + (job.detail() == null ? "" : "  " + job.detail()));
        }
        long disk = limits.number(Thresholds.DATABASE_DISK_BYTES);
        lines.add("Database: " + AlertRules.bytes(facts.databaseBytes()) + (disk > 0 ? " (" + facts.databaseBytes() * 100 / disk
                + " % of " + AlertRules.bytes(disk) + ")" : ""));
        lines.add("Heap after the last collection: " + (facts.heapAfterGc() == null ? "unknown"
                : Math.round(facts.heapAfterGc() * 100) + " %"));
        lines.add("Incidents open: " + facts.openIncidents());
        lines.add("Deletions at contract end not executed: " + facts.deletions().size());
        for (Facts.Deletion deletion : facts.deletions()) {
            lines.add("  " + deletion.slug() + "  due " + deletion.dueAt() + "  (" + daysLeftWords(daysLeft(deletion.dueAt(), now)) + ")");
        }
        lines.add("Storage per tenant (" + Math.min(TOP, facts.tenants().size()) + " of " + facts.tenants().size()
                + ", most receipt bytes first)");
        lines.add(String.format(Locale.ROOT, "  %-24s %9s %9s %10s %9s %12s %11s %12s", "tenant", "members", "reports", "lines",
                "receipts", "receipt bytes", "log entries", "plan"));
        facts.tenants().stream()
                .sorted(Comparator.comparingLong(Facts.TenantStorage::receiptBytes).thenComparingLong(Facts.TenantStorage::rows)
                        .reversed())
                .limit(TOP)
                .forEach(t -> lines.add(String.format(Locale.ROOT, "  %-24s %9d %9d %10d %9d %12s %11d %12s", t.slug(),
                        t.members(), t.reports(), t.lines(), t.receipts(), AlertRules.bytes(t.receiptBytes()), t.logEntries(),
                        AlertRules.bytes(limits.planBytes(t.slug())))));
        return lines;
    }

    /** Days to a due date, as the deletion gauges count them: whole days, negative when overdue. */
    public static long daysLeft(Instant due, Instant now) {
        return Math.floorDiv(Duration.between(now, due).toSeconds(), Duration.ofDays(1).toSeconds());
    }

    private static String daysLeftWords(long days) {
        return days < 0 ? "overdue by " + -days + " days" : "in " + days + " days";
    }
}
