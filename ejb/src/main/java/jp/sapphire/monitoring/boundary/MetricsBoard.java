package jp.sapphire.monitoring.boundary;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import jp.sapphire.monitoring.control.Facts;
import jp.sapphire.monitoring.control.StatusScreen;
import jp.sapphire.operations.boundary.JobRecords;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * SAPPHIRE's own gauges in the metrics scrape (docs/MONITORING.md): the newest backup, the outbox,
 * the daily jobs, the database, each tenant's storage (counts and bytes, labelled with its slug
 * alone), incidents, deletions due and alerts. They read one set of facts, read again when a scrape
 * finds it older than {@link #FRESH} (so the many gauges of one scrape cost one reading); the
 * tenants' gauges follow the tenants every {@link #EVERY} and whenever the operators ask for the
 * status or the alerts are evaluated.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MetricsBoard {

    /** How long one reading of the facts serves the gauges (measured on the JVM's monotonic timer, not the service's clock). */
    static final Duration FRESH = Duration.ofSeconds(2);
    static final Duration EVERY = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(MetricsBoard.class.getName());
    private static final List<String> JOBS = List.of(JobRecords.BACKUP, JobRecords.DELETIONS, JobRecords.ALERTS);

    /** A gauge per tenant: its name, unit, description and value. */
    private record TenantGauge(String name, String unit, String description, ToDoubleFunction<Facts.TenantStorage> value) {
    }

    private static final List<TenantGauge> TENANT_GAUGES = List.of(
            new TenantGauge("sapphire.tenant.members", MetricUnits.NONE, "Members of the tenant", Facts.TenantStorage::members),
            new TenantGauge("sapphire.tenant.reports", MetricUnits.NONE, "Expense reports of the tenant", Facts.TenantStorage::reports),
            new TenantGauge("sapphire.tenant.lines", MetricUnits.NONE, "Expense lines of the tenant", Facts.TenantStorage::lines),
            new TenantGauge("sapphire.tenant.receipts", MetricUnits.NONE, "Receipts of the tenant", Facts.TenantStorage::receipts),
            new TenantGauge("sapphire.tenant.receipts.size", MetricUnits.BYTES, "Bytes of the tenant's receipts",
                    Facts.TenantStorage::receiptBytes),
            new TenantGauge("sapphire.tenant.log.entries", MetricUnits.NONE, "Action log entries of the tenant",
                    Facts.TenantStorage::logEntries));
    static final String DELETION_DUE = "sapphire.tenant.deletion.due.days";

    @Inject
    MetricRegistry metrics;

    @EJB
    FactCollector collector;

    @Resource
    TimerService timers;

    private final Object reading = new Object();
    private volatile Facts facts;
    private volatile long readAt;
    private final Set<String> shownTenants = new HashSet<>();
    private final Set<String> shownDeletions = new HashSet<>();

    @PostConstruct
    void start() {
        gauge("sapphire.backup.age", MetricUnits.SECONDS, "Age of the newest backup generation",
                f -> f.newestBackup() == null ? Double.NaN : seconds(f.newestBackup().createdAt(), f.at()));
        gauge("sapphire.backup.size", MetricUnits.BYTES, "Size of the newest backup generation",
                f -> f.newestBackup() == null ? Double.NaN : f.newestBackup().bytes());
        gauge("sapphire.backup.generation", MetricUnits.NONE, "Number of the newest backup generation",
                f -> f.newestBackup() == null ? Double.NaN : f.newestBackup().generation());
        gauge("sapphire.backup.verified", MetricUnits.NONE, "1 if the last daily backup read its generation back, 0 if not",
                f -> job(f, JobRecords.BACKUP, j -> j.verified() == null ? Double.NaN : j.verified() ? 1 : 0));
        for (String job : JOBS) {
            Tag tag = new Tag("job", job);
            gauge("sapphire.job.last.run.age", MetricUnits.SECONDS, "Time since the last run of a daily job began",
                    f -> job(f, job, j -> seconds(j.startedAt(), f.at())), tag);
            gauge("sapphire.job.last.duration", MetricUnits.SECONDS, "Duration of the last run of a daily job",
                    f -> job(f, job, j -> j.finishedAt() == null ? Double.NaN : seconds(j.startedAt(), j.finishedAt())), tag);
            gauge("sapphire.job.last.success", MetricUnits.NONE, "1 if the last run of a daily job succeeded, 0 if it failed",
                    f -> job(f, job, j -> j.outcome() == null ? Double.NaN : "SUCCESS".equals(j.outcome()) ? 1 : 0), tag);
        }
        gauge("sapphire.outbox.waiting", MetricUnits.NONE, "Mails waiting in the tenants' outbox", f -> f.outbox().waiting());
        gauge("sapphire.outbox.oldest.age", MetricUnits.SECONDS, "How long the oldest waiting mail has waited",
                f -> f.outbox().oldestWaiting() == null ? 0 : seconds(f.outbox().oldestWaiting(), f.at()));
        gauge("sapphire.outbox.given.up", MetricUnits.NONE, "Mails given up after their last attempt", f -> f.outbox().givenUp());
        gauge("sapphire.operator.mail.waiting", MetricUnits.NONE, "Mails to the operators waiting", Facts::operatorMailWaiting);
        gauge("sapphire.database.size", MetricUnits.BYTES, "Size of the database", Facts::databaseBytes);
        gauge("sapphire.incidents.open", MetricUnits.NONE, "Incidents not resolved", Facts::openIncidents);
        gauge("sapphire.deletions.pending", MetricUnits.NONE, "Deletions at contract end not yet executed",
                f -> f.deletions().size());
        gauge("sapphire.alerts.open", MetricUnits.NONE, "Alerts to the operators open", Facts::openAlerts);
        gauge("sapphire.heap.after.gc", MetricUnits.PERCENT, "Share of the heap used after the last collection",
                f -> f.heapAfterGc() == null ? Double.NaN : f.heapAfterGc() * 100);
        timers.createIntervalTimer(5_000, EVERY.toMillis(), new TimerConfig("metrics", false));
    }

    @Timeout
    void timer() {
        try {
            show(collector.collect());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The metrics' facts were not read: " + e);
        }
    }

    /** Shows these facts: the gauges read them, and each tenant has its gauges (a tenant gone, none). */
    public void show(Facts read) {
        synchronized (reading) {
            facts = read;
            readAt = System.nanoTime();
            Map<String, Facts.TenantStorage> tenants = read.tenants().stream()
                    .collect(Collectors.toMap(Facts.TenantStorage::slug, Function.identity()));
            for (String gone : Set.copyOf(shownTenants)) {
                if (!tenants.containsKey(gone)) {
                    TENANT_GAUGES.forEach(g -> metrics.remove(new MetricID(g.name(), new Tag("tenant", gone))));
                    shownTenants.remove(gone);
                }
            }
            for (String slug : tenants.keySet()) {
                if (shownTenants.add(slug)) {
                    for (TenantGauge g : TENANT_GAUGES) {
                        gauge(g.name(), g.unit(), g.description(), f -> tenant(f, slug, g.value()), new Tag("tenant", slug));
                    }
                }
            }
            Set<String> due = read.deletions().stream().map(Facts.Deletion::slug).collect(Collectors.toSet());
            for (String gone : Set.copyOf(shownDeletions)) {
                if (!due.contains(gone)) {
                    metrics.remove(new MetricID(DELETION_DUE, new Tag("tenant", gone)));
                    shownDeletions.remove(gone);
                }
            }
            for (String slug : due) {
                if (shownDeletions.add(slug)) {
                    gauge(DELETION_DUE, MetricUnits.DAYS, "Days left until a deletion at contract end falls due (negative: overdue)",
                            f -> f.deletions().stream().filter(d -> d.slug().equals(slug)).findFirst()
                                    .map(d -> (double) StatusScreen.daysLeft(d.dueAt(), f.at())).orElse(Double.NaN),
                            new Tag("tenant", slug));
                }
            }
        }
    }

    /** The facts the gauges show: read again when older than {@link #FRESH}. */
    private Facts current() {
        Facts shown = facts;
        if (shown != null && System.nanoTime() - readAt < FRESH.toNanos()) {
            return shown;
        }
        synchronized (reading) {
            if (facts == null || System.nanoTime() - readAt >= FRESH.toNanos()) {
                facts = collector.collect();
                readAt = System.nanoTime();
            }
            return facts;
        }
    }

    private void gauge(String name, String unit, String description, ToDoubleFunction<Facts> value, Tag... tags) {
        Metadata metadata = Metadata.builder().withName(name).withUnit(unit).withDescription(description).build();
        metrics.gauge(metadata, () -> {
            try {
                return value.applyAsDouble(current());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Gauge " + name + " not read: " + e);
                return Double.NaN;
            }
        }, tags);
    }

    private static double job(Facts facts, String name, ToDoubleFunction<Facts.Job> value) {
        Facts.Job job = facts.job(name);
        return job == null ? Double.NaN : value.applyAsDouble(job);
    }

    private static double tenant(Facts facts, String slug, ToDoubleFunction<Facts.TenantStorage> value) {
        return facts.tenants().stream().filter(t -> t.slug().equals(slug)).findFirst().map(value::applyAsDouble)
                .orElse(Double.NaN);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
