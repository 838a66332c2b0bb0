package jp.sapphire.defence.control;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.platform.control.ServiceMeters;
import org.eclipse.microprofile.config.Config;

/**
 * Rate limits (whitepaper §15): token buckets of Bucket4j, one per limit and caller — a client
 * address for sign-in, an API token for the API — refilled steadily up to
 * {@code sapphire.rate-limit.<limit>.per-minute} requests a minute, on the service's clock (so a
 * test moves time instead of waiting). A refused request learns how long to wait. Refusals are
 * audited in aggregate: at most one system audit entry per limit a minute, counting the refusals
 * and callers since the last one (a flood does not flood the audit log).
 *
 * <p>The buckets live in this server's memory: each server limits on its own, which bounds a
 * caller to the per-server rate times the servers behind the load balancer. A full bucket holds
 * no state worth keeping, so when there are many, full ones are dropped.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, and the configuration key of its rate. */
    public enum Limit {
        /** Starting a sign-in and coming back from the IdP, per client address. */
        SIGN_IN("sapphire.rate-limit.sign-in.per-minute"),
        /** Calls of the REST API, per token. */
        API("sapphire.rate-limit.api.per-minute");

        private final String key;

        Limit(String key) {
            this.key = key;
        }
    }

    /** Allowed, or refused for as long as {@code retryAfter}. */
    public record Verdict(boolean allowed, Duration retryAfter) {

        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        /** Whole seconds to wait, at least one: the value of a Retry-After header. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private record Key(Limit limit, String caller, long perMinute) {
    }

    /** Refusals of one limit since its last audit entry. */
    private static final class Refusals {
        long count;
        final Set<String> callers = ConcurrentHashMap.newKeySet();
        Instant auditedAt = Instant.MIN;
    }

    private static final int MAX_BUCKETS = 100_000;
    private static final Duration AUDIT_INTERVAL = Duration.ofMinutes(1);

    @Inject
    Clock clock;

    @Inject
    Config config;

    @EJB
    SystemAudit audit;

    @Inject
    ServiceMeters meters;

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<Limit, Refusals> refusals = new ConcurrentHashMap<>();

    /** The service's clock as Bucket4j measures time. */
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    /** Takes one request of {@code caller} from the limit's bucket. */
    public Verdict take(Limit limit, String caller) {
        long perMinute = config.getValue(limit.key, Long.class);
        if (buckets.size() > MAX_BUCKETS) {
            buckets.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= entry.getKey().perMinute());
        }
        Bucket bucket = buckets.computeIfAbsent(new Key(limit, caller, perMinute), key -> Bucket.builder()
                .addLimit(rate -> rate.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Verdict.ALLOWED;
        }
        refused(limit, caller);
        return new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private void refused(Limit limit, String caller) {
        meters.rateLimited(limit.name().toLowerCase().replace('_', '-'));
        Refusals seen = refusals.computeIfAbsent(limit, l -> new Refusals());
        long count;
        int callers;
        synchronized (seen) {
            seen.count++;
            seen.callers.add(caller);
            Instant now = clock.instant();
            if (seen.auditedAt.plus(AUDIT_INTERVAL).isAfter(now)) {
                return;
            }
            count = seen.count;
            callers = seen.callers.size();
            seen.count = 0;
            seen.callers.clear();
            seen.auditedAt = now;
        }
        audit.failure(SystemEvent.RATE_LIMITED, null, "rate-limit:" + limit.name().toLowerCase().replace('_', '-'),
                count + " request(s) of " + callers + " caller(s) refused over " + config.getValue(limit.key, Long.class)
                        + " a minute since the last entry");
    }
}
