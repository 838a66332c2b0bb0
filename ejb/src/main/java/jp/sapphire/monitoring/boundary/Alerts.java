package jp.sapphire.monitoring.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.monitoring.control.AlertRules;
import jp.sapphire.monitoring.control.Facts;
import jp.sapphire.monitoring.control.PoolWatch;
import jp.sapphire.monitoring.control.Thresholds;
import jp.sapphire.monitoring.entity.MonitorAlert;
import jp.sapphire.monitoring.entity.MonitorThreshold;
import jp.sapphire.notification.boundary.OperatorMailbox;
import jp.sapphire.operations.boundary.JobRecords;
import jp.sapphire.operations.control.DailyTimers;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operators' alerts (docs/MONITORING.md): every {@code sapphire.alert.interval} (whole
 * minutes) on one of the servers that run the batch timers (and whenever an operator asks), the facts are read and the rules applied. A condition
 * that begins raises an alert — an entry in the system audit log and a mail to
 * {@code sapphire.alert.mail-to} through the operators' outbox; while it holds it is mailed again
 * every {@code repeat}; when it ends it is cleared, with a mail and an audit entry. The limits are
 * the configured defaults and what the operators set in their place.
 */
@Singleton
@Startup
public class Alerts {

    static final String PREFIX = "sapphire.alert.";
    private static final String ACTOR = "system:alert-timer";
    private static final System.Logger LOG = System.getLogger(Alerts.class.getName());

    /** What one evaluation did: the keys raised, mailed again and cleared. */
    public record Evaluation(List<String> raised, List<String> repeated, List<String> cleared, List<MonitorAlert> open) {
    }

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Resource
    TimerService timers;

    @Inject
    DailyTimers dailyTimers;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "sapphire.alert.interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "sapphire.alert.mail-to")
    String mailTo;

    @EJB
    FactCollector facts;

    @EJB
    OperatorMailbox mailbox;

    @EJB
    SystemAudit audit;

    @EJB
    JobRecords jobs;

    @EJB
    MetricsBoard board;

    @Inject
    Clock clock;

    private final PoolWatch pool = new PoolWatch();

    /**
     * The timer leaves the alerts alone on a server that started less than this long ago, so that
     * a new server's catch-up backup runs before "no backup" is mailed.
     */
    static final Duration FIRST_AFTER = Duration.ofMinutes(5);

    @PostConstruct
    void start() {
        dailyTimers.ensureEvery(timers, "alerts", interval);
    }

    /** One persistent timer for all the servers: the alerts are evaluated once a minute, not once per server. */
    @Timeout
    void timer() {
        if (ManagementFactory.getRuntimeMXBean().getUptime() < FIRST_AFTER.toMillis()) {
            return;
        }
        jobs.started(JobRecords.ALERTS);
        try {
            Evaluation done = evaluate(ACTOR);
            jobs.finished(JobRecords.ALERTS, true, null, done.open().size() + " open, raised " + done.raised()
                    + ", cleared " + done.cleared());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The alerts could not be evaluated", e);
            jobs.finished(JobRecords.ALERTS, false, null, e.toString());
        }
    }

    /** Reads the facts and raises, repeats and clears alerts; {@code actor} is who asked, for the audit log. */
    public Evaluation evaluate(String actor) {
        Facts now = facts.collect();
        Thresholds limits = thresholds();
        List<AlertRules.Condition> holding = AlertRules.holding(now, limits, now.at(), pool.observe(now.poolRequestsQueued(), now.at()));
        Map<String, AlertRules.Condition> byKey = holding.stream()
                .collect(Collectors.toMap(AlertRules.Condition::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, MonitorAlert> open = open().stream().collect(Collectors.toMap(MonitorAlert::getKey, Function.identity()));
        List<String> raised = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        Duration repeat = limits.duration(Thresholds.REPEAT);
        for (AlertRules.Condition condition : byKey.values()) {
            MonitorAlert alert = open.get(condition.key());
            if (alert == null) {
                system.persist(new MonitorAlert(condition.key(), condition.detail(), now.at()));
                mail("RAISED", condition.key(), condition.detail(), now.at());
                audit.failure(SystemEvent.ALERT_RAISED, null, actor, condition.key() + ": " + condition.detail());
                raised.add(condition.key());
            } else if (alert.remind(condition.detail(), now.at(), repeat)) {
                mail("STILL HOLDS", condition.key(), condition.detail() + "\nRaised at " + alert.getRaisedAt() + ".", now.at());
                repeated.add(condition.key());
            }
        }
        for (MonitorAlert alert : open.values()) {
            if (!byKey.containsKey(alert.getKey())) {
                alert.cleared(now.at());
                String detail = "Cleared. It was raised at " + alert.getRaisedAt() + ": " + alert.getDetail();
                mail("CLEARED", alert.getKey(), detail, now.at());
                audit.success(SystemEvent.ALERT_CLEARED, null, actor, alert.getKey() + ": raised at " + alert.getRaisedAt());
                cleared.add(alert.getKey());
            }
        }
        system.flush();
        board.show(now);
        return new Evaluation(raised, repeated, cleared, open());
    }

    /** The alerts open now, oldest first. */
    public List<MonitorAlert> open() {
        return system.createNamedQuery(MonitorAlert.OPEN, MonitorAlert.class).getResultList();
    }

    /** Every threshold by name: its configured default, or the value an operator set in its place. */
    public Thresholds thresholds() {
        Map<String, String> values = new TreeMap<>();
        Thresholds.NAMES.keySet().forEach(name -> values.put(name, config.getValue(PREFIX + name, String.class)));
        system.createQuery("SELECT t FROM MonitorThreshold t", MonitorThreshold.class).getResultList()
                .forEach(set -> values.put(set.getName(), set.getValue()));
        return new Thresholds(values);
    }

    /** The thresholds an operator set in place of their defaults. */
    public Set<String> setByOperators() {
        return Set.copyOf(system.createQuery("SELECT t.name FROM MonitorThreshold t", String.class).getResultList());
    }

    /** Sets a threshold in place of its default; answers the value as kept. */
    public String setThreshold(String operator, String name, String value) {
        String checked = Thresholds.check(name, value);
        String planPrefix = Thresholds.TENANT_PLAN_BYTES + ".";
        if (name.startsWith(planPrefix) && system.createQuery("SELECT COUNT(t) FROM Tenant t WHERE t.slug = :slug", Long.class)
                .setParameter("slug", name.substring(planPrefix.length())).getSingleResult() == 0) {
            throw new IllegalArgumentException("No tenant " + name.substring(planPrefix.length()) + " for " + name);
        }
        MonitorThreshold threshold = system.find(MonitorThreshold.class, name);
        if (threshold == null) {
            threshold = new MonitorThreshold(name);
            system.persist(threshold);
        }
        threshold.set(checked, operator, clock.instant());
        audit.success(SystemEvent.ALERT_THRESHOLD_SET, null, operator, name + "=" + checked);
        return checked;
    }

    /** Returns a threshold to its configured default (a tenant's own plan: to the default plan). */
    public void resetThreshold(String operator, String name) {
        Thresholds.check(name, Thresholds.NAMES.getOrDefault(name, false) ? "PT1M" : "0");
        MonitorThreshold threshold = system.find(MonitorThreshold.class, name);
        if (threshold != null) {
            system.remove(threshold);
            audit.success(SystemEvent.ALERT_THRESHOLD_SET, null, operator, name + " back to its default");
        }
    }

    private void mail(String state, String key, String detail, Instant at) {
        mailbox.queue(mailTo, "[SAPPHIRE alert] " + state + ": " + key, detail + "\n\n" + state + " at " + at
                + " (UTC).\nsapphire-admin status shows every open alert; docs/MONITORING.md says what each means.");
    }
}
