package jp.sapphire.it.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time as a test wants it: the wall clock (the default), frozen at an instant, or running on
 * from an instant. In the test deployment it replaces the product's clock (see
 * {@link TestClockProducer}); in the test JVM the same class mirrors what a test told the server
 * ({@code ServerClock}), so the test IdP signs its tokens at the server's time.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock(ZoneOffset.UTC);
    /** Where the test tenants' members live unless a test says otherwise. */
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** What every zone's view of the clock reads. */
    private static final class Source {
        private volatile Instant frozenAt;
        private volatile Duration offset = Duration.ZERO;

        Instant now() {
            Instant frozen = frozenAt;
            return frozen != null ? frozen : Instant.now().plus(offset);
        }
    }

    private static final Source SOURCE = new Source();

    private final ZoneId zone;

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Time stands still at {@code at} until the test moves it; answers {@code at}. */
    public static Instant freeze(Instant at) {
        SOURCE.frozenAt = at;
        return at;
    }

    /**
     * Time stands still at the current second (whole, as the database stores instants to the
     * microsecond); answers it.
     */
    public static Instant freezeNow() {
        return freeze(now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Time runs on from {@code at}, as fast as the wall clock. */
    public static void runFrom(Instant at) {
        SOURCE.offset = Duration.between(Instant.now(), at);
        SOURCE.frozenAt = null;
    }

    /** Moves the time on (or back) by {@code by}, frozen or running as it was. */
    public static void move(Duration by) {
        Instant frozen = SOURCE.frozenAt;
        if (frozen != null) {
            SOURCE.frozenAt = frozen.plus(by);
        } else {
            SOURCE.offset = SOURCE.offset.plus(by);
        }
    }

    /** Back to the wall clock. */
    public static void reset() {
        SOURCE.frozenAt = null;
        SOURCE.offset = Duration.ZERO;
    }

    public static Instant now() {
        return SOURCE.now();
    }

    /** The day it is now for someone living in {@code zone}. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(SOURCE.now(), zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new TestClock(other);
    }

    @Override
    public Instant instant() {
        return SOURCE.now();
    }
}
