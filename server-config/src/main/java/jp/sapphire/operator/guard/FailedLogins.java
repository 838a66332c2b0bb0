package jp.sapphire.operator.guard;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed operator logins counted per account: after {@link #LIMIT} failures within
 * {@link #WINDOW} the account is locked for the rest of that window, even with the right password;
 * and each failure makes the next answer wait a little longer (up to {@link #MAX_DELAY}). Elapsed
 * time is read from a monotonic timer (nanoseconds).
 */
final class FailedLogins {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofSeconds(2);

    private record Tally(int failures, long firstAt) {
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    FailedLogins(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether this account is locked now. */
    boolean isLocked(String user) {
        Tally tally = current(user);
        return tally != null && tally.failures() >= LIMIT;
    }

    /** Counts a failure; answers how many there are in the window now. */
    int failed(String user) {
        long now = nanoTime.getAsLong();
        return tallies.compute(user, (name, tally) -> tally == null || expired(tally, now)
                ? new Tally(1, now) : new Tally(tally.failures() + 1, tally.firstAt())).failures();
    }

    void succeeded(String user) {
        tallies.remove(user);
    }

    /** How long to hold the answer to the {@code failures}-th failure: 100 ms, doubling, at most 2 s. */
    static Duration delay(int failures) {
        Duration delay = Duration.ofMillis(100L << Math.min(Math.max(failures - 1, 0), 10));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private Tally current(String user) {
        Tally tally = tallies.get(user);
        if (tally != null && expired(tally, nanoTime.getAsLong())) {
            tallies.remove(user, tally);
            return null;
        }
        return tally;
    }

    private static boolean expired(Tally tally, long now) {
        return now - tally.firstAt() >= WINDOW.toNanos();
    }
}
