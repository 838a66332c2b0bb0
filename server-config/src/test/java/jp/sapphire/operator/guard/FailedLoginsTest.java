package jp.sapphire.operator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FailedLogins logins = new FailedLogins(now::get);

    @Test
    void fiveFailuresWithinTheWindowLockTheAccountUntilTheWindowEnds() {
        for (int i = 1; i < FailedLogins.LIMIT; i++) {
            assertThat(logins.failed("alice")).isEqualTo(i);
            assertThat(logins.isLocked("alice")).isFalse();
        }
        logins.failed("alice");
        assertThat(logins.isLocked("alice")).isTrue();
        assertThat(logins.isLocked("bob")).as("other accounts are not locked").isFalse();

        now.addAndGet(FailedLogins.WINDOW.minusSeconds(1).toNanos());
        assertThat(logins.isLocked("alice")).isTrue();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(logins.isLocked("alice")).as("the window has passed").isFalse();
        assertThat(logins.failed("alice")).as("counting starts again").isEqualTo(1);
    }

    @Test
    void aSuccessForgetsTheFailures() {
        logins.failed("alice");
        logins.failed("alice");
        logins.succeeded("alice");
        assertThat(logins.failed("alice")).isEqualTo(1);
    }

    @Test
    void eachFailureWaitsLongerUpToTwoSeconds() {
        assertThat(FailedLogins.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(FailedLogins.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(FailedLogins.delay(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(FailedLogins.delay(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(FailedLogins.delay(6)).isEqualTo(FailedLogins.MAX_DELAY);
        assertThat(FailedLogins.delay(60)).isEqualTo(FailedLogins.MAX_DELAY);
    }
}
