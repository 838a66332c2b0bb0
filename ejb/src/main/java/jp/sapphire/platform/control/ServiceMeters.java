package jp.sapphire.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLTransientConnectionException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * SAPPHIRE's counters in the metrics scrape (docs/MONITORING.md): sign-ins by outcome and reason,
 * rate-limit refusals by limit, API token checks by outcome, requests that failed on the server by
 * cause — {@code connection-timeout} when one waited for a database connection longer than its
 * pool allows (Liberty's pools count waits, not these), {@code other} otherwise. Their labels are codes from a fixed
 * list, never a member, a tenant's content or an amount.
 */
@ApplicationScoped
public class ServiceMeters {

    public static final String SIGN_IN = "sapphire.signin";
    public static final String RATE_LIMITED = "sapphire.rate.limit.refused";
    public static final String API_TOKEN = "sapphire.api.token.checks";
    public static final String FAILURES = "sapphire.request.failures";

    @Inject
    MetricRegistry metrics;

    /** A sign-in completed ({@code reason} {@code none}) or refused for a reason (a code). */
    public void signIn(boolean success, String reason) {
        metrics.counter(SIGN_IN, new Tag("outcome", success ? "success" : "refused"), new Tag("reason", success ? "none" : reason))
                .inc();
    }

    /** A request refused by a rate limit ({@code sign-in}, {@code api}). */
    public void rateLimited(String limit) {
        metrics.counter(RATE_LIMITED, new Tag("limit", limit)).inc();
    }

    /** A request failed on the server (a 500): counted by whether it timed out waiting for a database connection. */
    public void requestFailed(Throwable failure) {
        metrics.counter(FAILURES, new Tag("cause", connectionTimeout(failure) ? "connection-timeout" : "other")).inc();
    }

    static boolean connectionTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause.getClass().getSimpleName().equals("ConnectionWaitTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** An API token presented with a valid signature: accepted, or refused (revoked, expired, member inactive …). */
    public void apiToken(boolean accepted) {
        metrics.counter(API_TOKEN, new Tag("outcome", accepted ? "accepted" : "refused")).inc();
    }
}
