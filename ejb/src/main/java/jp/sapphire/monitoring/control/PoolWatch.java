package jp.sapphire.monitoring.control;

import java.time.Instant;

/**
 * Whether requests keep waiting for a database connection. Liberty's pools count the requests that
 * had to wait; when that count grew between one evaluation and the next, requests waited in
 * between. Answers since when they have kept waiting: the evaluation before the first of an
 * unbroken run of growths; null as soon as the count stands still.
 */
public final class PoolWatch {

    private long countBefore = -1;
    private Instant seenAt;
    private Instant waitingSince;

    /** The count of waits at {@code at}; answers since when requests have kept waiting, or null. */
    public synchronized Instant observe(long waits, Instant at) {
        if (countBefore >= 0 && waits > countBefore) {
            if (waitingSince == null) {
                waitingSince = seenAt;
            }
        } else {
            waitingSince = null;
        }
        countBefore = waits;
        seenAt = at;
        return waitingSince;
    }
}
