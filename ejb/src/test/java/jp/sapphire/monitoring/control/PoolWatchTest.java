package jp.sapphire.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Requests keep waiting for a connection while the pools' count of waits grows from one evaluation to the next. */
class PoolWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void waitingSinceTheEvaluationBeforeTheFirstGrowthUntilTheCountStandsStill() {
        PoolWatch watch = new PoolWatch();
        assertThat(watch.observe(5, T0)).as("the first reading knows nothing of growth").isNull();
        assertThat(watch.observe(5, T0.plusSeconds(60))).isNull();
        assertThat(watch.observe(7, T0.plusSeconds(120))).isEqualTo(T0.plusSeconds(60));
        assertThat(watch.observe(9, T0.plusSeconds(180))).as("still growing: since the same time").isEqualTo(T0.plusSeconds(60));
        assertThat(watch.observe(9, T0.plusSeconds(240))).as("standing still: no one waits").isNull();
        assertThat(watch.observe(10, T0.plusSeconds(300))).isEqualTo(T0.plusSeconds(240));
    }
}
