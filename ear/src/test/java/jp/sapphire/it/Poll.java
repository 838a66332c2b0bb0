package jp.sapphire.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for what happens on its own in the server (a mail leaving the outbox on its timer):
 * looked at every 200 ms, up to a limit measured on the monotonic timer. Nothing here waits for
 * time to pass in the product; tests move the server's clock for that ({@link ServerClock}).
 */
public final class Poll {

    private static final Duration STEP = Duration.ofMillis(200);

    private Poll() {
    }

    /** Whether the condition came true within {@code limit}. */
    public static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }
}
