package jp.sapphire.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one source of "now" for every module: whatever reads the time ({@code Instant}, a member's
 * "today", a timer's due date, a token's expiry) has this {@link Clock} injected. It is the
 * system clock in UTC; dates are taken from it in the zone they belong to (the member's, the
 * batch zone), never in the JVM's default zone.
 *
 * <p>Only the test deployment can put another clock in its place (a CDI alternative in a test
 * library of the EAR); the product has no way to set the time.
 */
@ApplicationScoped
public class ServiceClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
