package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import jp.sapphire.it.clock.TestClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server's clock as a test acting from outside sets it (through the test module's
 * {@code /fixture/clock}), mirrored in the test JVM so the test IdP signs its tokens at the
 * server's time. Register with {@code @RegisterExtension}: the clock is back on the wall after
 * every test. Days are always taken in a member's zone from this clock, never from the test JVM.
 */
public final class ServerClock implements AfterEachCallback {

    private static final String CLOCK = Browser.PLAIN + "/sapphire-tests/fixture/clock";

    @Override
    public void afterEach(ExtensionContext context) {
        reset();
    }

    /** The server's time stands still at {@code at}. */
    public static Instant freeze(Instant at) {
        set("freeze=" + at);
        TestClock.freeze(at);
        return at;
    }

    /** The server's time stands still at the current second; answers it. */
    public static Instant freezeNow() {
        return freeze(now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The server's time runs on from {@code at}. */
    public static void runFrom(Instant at) {
        set("runFrom=" + at);
        TestClock.runFrom(at);
    }

    public static void move(Duration by) {
        set("move=" + by);
        TestClock.move(by);
    }

    public static void reset() {
        set("reset");
        TestClock.reset();
    }

    /** The server's "now", as this JVM mirrors it. */
    public static Instant now() {
        return TestClock.now();
    }

    /** The day it is now for someone living in {@code zone}. */
    public static LocalDate today(ZoneId zone) {
        return TestClock.today(zone);
    }

    /** The most recent midnight in {@code zone}, at or before now: a day boundary that tokens and sessions have lived through. */
    public static Instant lastMidnight(ZoneId zone) {
        return today(zone).atStartOfDay(zone).toInstant();
    }

    private static void set(String query) {
        HttpResponse<String> response = new Browser().send(HttpRequest.newBuilder(URI.create(CLOCK + "?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as("the test server's clock: " + response.body()).isEqualTo(200);
    }
}
