package jp.sapphire.operations.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.sapphire.operations.control.DailyTimers;
import jp.sapphire.operations.control.ServerName;
import jp.sapphire.operations.entity.ServerHeartbeat;

/**
 * Each server says every minute that it is alive, and whether it runs the batch jobs; the
 * operators' status lists the servers and how long ago each was seen, and forgets a server not
 * seen for a day.
 */
@Singleton
@Startup
public class Heartbeats {

    static final Duration EVERY = Duration.ofMinutes(1);
    /** A server not seen for this long is forgotten: it was stopped for good, or replaced. */
    static final Duration FORGET = Duration.ofDays(1);

    private static final System.Logger LOG = System.getLogger(Heartbeats.class.getName());

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Resource
    TimerService timers;

    @Inject
    DailyTimers dailyTimers;

    @Inject
    Clock clock;

    private final String server = ServerName.current();
    private Instant startedAt;

    @PostConstruct
    void start() {
        startedAt = clock.instant();
        timers.createIntervalTimer(1_000, EVERY.toMillis(), new TimerConfig("heartbeat", false));
    }

    @Timeout
    void beat() {
        try {
            ServerHeartbeat heartbeat = system.find(ServerHeartbeat.class, server);
            if (heartbeat == null) {
                system.persist(new ServerHeartbeat(server, startedAt, dailyTimers.enabled()));
            } else {
                heartbeat.seen(clock.instant(), startedAt, dailyTimers.enabled());
            }
            system.createQuery("DELETE FROM ServerHeartbeat h WHERE h.seenAt < :before")
                    .setParameter("before", clock.instant().minus(FORGET)).executeUpdate();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Heartbeat not recorded: " + e);
        }
    }

    /** Every server seen, most recently seen first. */
    public List<ServerHeartbeat> servers() {
        return system.createQuery("SELECT h FROM ServerHeartbeat h ORDER BY h.seenAt DESC", ServerHeartbeat.class)
                .getResultList();
    }
}
