package jp.sapphire.notification.boundary;

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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.sapphire.maintenance.boundary.Maintenance;
import jp.sapphire.notification.control.MailTransport;
import jp.sapphire.tenant.control.TenantContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the e-mail outbox: right after a transaction that queued mail commits ({@link #soon}),
 * and every {@code sapphire.mail.poll-seconds} for retries. Finds the tenants with mail due as the
 * provider's system role, then works in each tenant as that tenant; then the operators' mail. One delivery runs at a time;
 * a call while one runs makes it look once more.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSender {

    private static final System.Logger LOG = System.getLogger(MailSender.class.getName());
    private static final int BATCH = 50;

    @Resource(lookup = "mail/sapphire")
    Session session;

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @EJB
    Mailbox mailbox;

    @EJB
    OperatorMailbox operators;

    @EJB
    Maintenance maintenance;

    @Inject
    TenantContext tenants;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sapphire.mail.poll-seconds")
    long pollSeconds;

    @Inject
    @ConfigProperty(name = "sapphire.mail.retry-seconds")
    long retrySeconds;

    @Inject
    @ConfigProperty(name = "sapphire.mail.max-attempts")
    int maxAttempts;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long every = Duration.ofSeconds(pollSeconds).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("mail outbox", false));
    }

    /** Deliver as soon as possible, on a timer thread: never in the caller's request or identity. */
    public void soon() {
        timers.createSingleActionTimer(0, new TimerConfig("mail outbox now", false));
    }

    /**
     * Delivers what is due now, in the caller's thread, until the mail queued since {@code since}
     * has left or {@code limit} has passed (an operator's notice that must leave first).
     */
    public void deliverAndAwait(Instant since, Duration limit) throws InterruptedException {
        // A wait measured on the monotonic timer: how long it lasts is no date of the business.
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - until < 0) {
            deliverDue();
            long waiting = ((Number) system.createNativeQuery("SELECT count(*) FROM mail_outbox"
                            + " WHERE sent_at IS NULL AND failed_at IS NULL AND created_at >= ?1")
                    .setParameter(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).getSingleResult()).longValue();
            if (waiting == 0) {
                return;
            }
            Thread.sleep(250);
        }
        LOG.log(System.Logger.Level.WARNING, "Some mail queued since " + since + " had not left after " + limit);
    }

    /** Holds back while the system is in maintenance: the outbox may be restored under it. */
    @Timeout
    void deliverDue() {
        if (maintenance.underMaintenance().isPresent()) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                var retry = new MailTransport.RetryPolicy(Duration.ofSeconds(retrySeconds), maxAttempts);
                for (UUID tenant : tenantsWithMailDue()) {
                    tenants.callAsTenant(tenant, () -> {
                        mailbox.due(BATCH).forEach(id -> mailbox.deliver(id, session, retry));
                        return null;
                    });
                }
                operators.due(BATCH).forEach(id -> operators.deliver(id, session, retry));
            } while (again.get());
        } finally {
            running.set(false);
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> tenantsWithMailDue() {
        return (List<UUID>) system.createNativeQuery("SELECT DISTINCT tenant_id FROM mail_outbox"
                        + " WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?1")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).getResultList();
    }
}
