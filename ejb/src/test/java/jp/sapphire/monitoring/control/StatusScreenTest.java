package jp.sapphire.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The status screen says what an operator needs at a glance, and the ten tenants storing most. */
class StatusScreenTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void oneScreenOfServersBackupAlertsOutboxJobsAndTheTenTenantsStoringMost() {
        List<Facts.TenantStorage> tenants = new ArrayList<>();
        IntStream.rangeClosed(1, 12).forEach(i -> tenants.add(new Facts.TenantStorage("t" + i, i, 10 * i, 20 * i, i, 1024L * i, 5)));
        Facts facts = new Facts(NOW, new Facts.Backup(12, "INCREMENTAL", NOW.minus(Duration.ofHours(9)), 3 * 1024 * 1024),
                List.of(new Facts.Job("backup", "host/1", NOW.minus(Duration.ofHours(9)), NOW.minus(Duration.ofHours(9)).plusMillis(2500),
                        "SUCCESS", true, "generation=12 INCREMENTAL bytes=3145728")),
                new Facts.Outbox(2, NOW.minus(Duration.ofMinutes(4)), 1), 0, 5L * 1024 * 1024 * 1024, tenants, 1,
                List.of(new Facts.Deletion("t3", NOW.plus(Duration.ofDays(2)).plusSeconds(5))), 0.42, 0, 1);
        Thresholds limits = new Thresholds(Map.of(Thresholds.DATABASE_DISK_BYTES, Long.toString(100L * 1024 * 1024 * 1024),
                Thresholds.TENANT_PLAN_BYTES, "10737418240"));
        List<String> screen = StatusScreen.render(facts, List.of(new StatusScreen.Server("host/1", NOW.minus(Duration.ofDays(3)),
                        NOW.minusSeconds(30), true), new StatusScreen.Server("host/2", NOW.minus(Duration.ofDays(3)),
                        NOW.minus(Duration.ofMinutes(4)), false)), "34",
                List.of(new StatusScreen.Alert("outbox.age", NOW.minus(Duration.ofMinutes(1)), "2 mails wait")), limits);

        assertThat(screen).contains("Servers (2)", "Schema version 34",
                "Backup: generation 12 INCREMENTAL made 2026-12-06T18:00:00Z (9 h old), 3.0 MiB", "Alerts (1 open)",
                "  outbox.age  since 2026-12-07T02:59:00Z  2 mails wait",
                "Outbox: 2 waiting (the oldest for 4 min), 1 given up; operators' mail: 0 waiting",
                "Database: 5.0 GiB (5 % of 100.0 GiB)", "Heap after the last collection: 42 %", "Incidents open: 1",
                "  t3  due 2026-12-09T03:00:05Z  (in 2 days)", "Storage per tenant (10 of 12, most receipt bytes first)");
        assertThat(screen).anySatisfy(line -> assertThat(line).startsWith("  host/1  batch").endsWith("seen 0 min ago"));
        assertThat(screen).anySatisfy(line -> assertThat(line).startsWith("  host/2  web").endsWith("NOT SEEN"));
        assertThat(screen).anySatisfy(line -> assertThat(line).startsWith("  backup  SUCCESS verified").contains("took 2500 ms"));
        int header = screen.indexOf("Storage per tenant (10 of 12, most receipt bytes first)");
        assertThat(screen.subList(header + 2, screen.size())).hasSize(10)
                .extracting(line -> line.strip().split("\\s+")[0]).containsExactly("t12", "t11", "t10", "t9", "t8", "t7", "t6", "t5",
                        "t4", "t3");
    }

    @Test
    void daysLeftAreWholeDaysAndNegativeWhenOverdue() {
        assertThat(StatusScreen.daysLeft(NOW.plus(Duration.ofHours(71)), NOW)).isEqualTo(2);
        assertThat(StatusScreen.daysLeft(NOW.minus(Duration.ofHours(1)), NOW)).isEqualTo(-1);
    }
}
