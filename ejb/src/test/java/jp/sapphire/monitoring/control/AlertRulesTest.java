package jp.sapphire.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sapphire.monitoring.control.AlertRules.Condition;
import org.junit.jupiter.api.Test;

/** Each alert rule at its limit: just inside holds nothing, just past it holds with its words. */
class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    private static Thresholds limits(String... overrides) {
        Map<String, String> values = new HashMap<>(Map.of(Thresholds.BACKUP_MAX_AGE, "PT26H", Thresholds.OUTBOX_MAX_AGE, "PT15M",
                Thresholds.POOL_WAITING_FOR, "PT1M", Thresholds.DATABASE_DISK_BYTES, "1000", Thresholds.DATABASE_MAX_PERCENT, "80",
                Thresholds.TENANT_PLAN_BYTES, "500", Thresholds.DELETION_DUE_WITHIN, "P3D", Thresholds.HEAP_MAX_PERCENT, "85",
                Thresholds.REPEAT, "PT6H"));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return new Thresholds(values);
    }

    private static Facts facts(Instant backupAt, Facts.Outbox outbox, long databaseBytes, List<Facts.TenantStorage> tenants,
                               List<Facts.Deletion> deletions, Double heap) {
        return new Facts(NOW, backupAt == null ? null : new Facts.Backup(12, "FULL", backupAt, 4096), List.of(), outbox, 0,
                databaseBytes, tenants, 0, deletions, heap, 0, 0);
    }

    private static final Facts.Outbox EMPTY = new Facts.Outbox(0, null, 0);

    private static List<String> keys(List<Condition> conditions) {
        return conditions.stream().map(Condition::key).toList();
    }

    @Test
    void aQuietServiceHoldsNothing() {
        assertThat(AlertRules.holding(facts(NOW.minus(Duration.ofHours(26)), EMPTY, 800, List.of(), List.of(), 0.85),
                limits(), NOW, null)).isEmpty();
    }

    @Test
    void aBackupOlderThanTheLimitOrNoneAtAll() {
        assertThat(AlertRules.holding(facts(NOW.minus(Duration.ofHours(26)).minusSeconds(1), EMPTY, 0, List.of(), List.of(), null),
                limits(), NOW, null)).containsExactly(new Condition("backup.age", null,
                "The newest backup, generation 12, is 26 h old; the limit is 26 h."));
        assertThat(keys(AlertRules.holding(facts(null, EMPTY, 0, List.of(), List.of(), null), limits(), NOW, null)))
                .containsExactly("backup.age");
    }

    @Test
    void mailWaitingTooLongAndRequestsWaitingForConnections() {
        Facts.Outbox fresh = new Facts.Outbox(3, NOW.minus(Duration.ofMinutes(15)), 0);
        Facts.Outbox stale = new Facts.Outbox(3, NOW.minus(Duration.ofMinutes(16)), 0);
        assertThat(AlertRules.holding(facts(NOW, fresh, 0, List.of(), List.of(), null), limits(), NOW, null)).isEmpty();
        assertThat(AlertRules.holding(facts(NOW, stale, 0, List.of(), List.of(), null), limits(), NOW, null))
                .extracting(Condition::detail).containsExactly("3 mails wait in the outbox, the oldest for 16 min; the limit is 15 min.");
        assertThat(AlertRules.holding(facts(NOW, EMPTY, 0, List.of(), List.of(), null), limits(), NOW, NOW.minusSeconds(59)))
                .isEmpty();
        assertThat(keys(AlertRules.holding(facts(NOW, EMPTY, 0, List.of(), List.of(), null), limits(), NOW, NOW.minusSeconds(60))))
                .containsExactly("pool.waiting");
    }

    @Test
    void theDatabaseDiskATenantAboveItsPlanAndTheHeap() {
        List<Facts.TenantStorage> tenants = List.of(new Facts.TenantStorage("acme", 1, 2, 3, 4, 501, 5),
                new Facts.TenantStorage("beta", 1, 2, 3, 4, 500, 5));
        List<Condition> holding = AlertRules.holding(facts(NOW, EMPTY, 801, tenants, List.of(), 0.851), limits(), NOW, null);
        assertThat(holding).extracting(Condition::key, Condition::tenant).containsExactly(
                org.assertj.core.api.Assertions.tuple("database.disk", null),
                org.assertj.core.api.Assertions.tuple("tenant.storage:acme", "acme"),
                org.assertj.core.api.Assertions.tuple("heap", null));
        assertThat(holding.get(1).detail()).isEqualTo("Tenant acme stores 501 B of receipts; its plan is 500 B.");
        assertThat(keys(AlertRules.holding(facts(NOW, EMPTY, 0, tenants, List.of(), null), limits("tenant.plan-bytes.acme", "600"),
                NOW, null))).as("a tenant's own plan").isEmpty();
    }

    @Test
    void aBackupJobThatFailedOrDidNotVerifyAndAPointInTimeBackupTooOld() {
        Facts.Job backupOk = new Facts.Job("backup", "batch", NOW.minusSeconds(60), NOW, "SUCCESS", true, "generation=3");
        Facts.Job pitrUnverified = new Facts.Job("pitr", "batch", NOW.minus(Duration.ofHours(26)), NOW, "SUCCESS", false,
                "base backup done; verify: FAILED");
        assertThat(AlertRules.holding(jobs(backupOk, pitrUnverified), limits(), NOW, null)).containsExactly(new Condition("pitr.run",
                null, "The last point-in-time base backup, started 2026-12-06T01:00:00Z on batch, did not verify: base backup done;"
                + " verify: FAILED"));
        Facts.Job backupFailed = new Facts.Job("backup", "web2", NOW.minusSeconds(60), NOW, "FAILURE", null, "disk full");
        Facts.Job pitrOld = new Facts.Job("pitr", "batch", NOW.minus(Duration.ofHours(26)).minusSeconds(1), NOW, "SUCCESS", true,
                "base backup done; verify: OK");
        assertThat(AlertRules.holding(jobs(backupFailed, pitrOld), limits(), NOW, null)).extracting(Condition::detail).containsExactly(
                "The last daily backup, started 2026-12-07T02:59:00Z on web2, failed: disk full",
                "The last point-in-time base backup started 26 h ago; the limit is 26 h.");
        assertThat(AlertRules.holding(jobs(backupOk), limits(), NOW, null)).as("no point-in-time recovery configured").isEmpty();
    }

    private static Facts jobs(Facts.Job... jobs) {
        return new Facts(NOW, new Facts.Backup(12, "FULL", NOW, 4096), List.of(jobs), EMPTY, 0, 0, List.of(), 0, List.of(), null, 0, 0);
    }

    @Test
    void aDeletionDueWithinThreeDays() {
        assertThat(AlertRules.holding(facts(NOW, EMPTY, 0, List.of(), List.of(new Facts.Deletion("acme",
                NOW.plus(Duration.ofDays(3)).plusSeconds(1))), null), limits(), NOW, null)).isEmpty();
        assertThat(AlertRules.holding(facts(NOW, EMPTY, 0, List.of(), List.of(new Facts.Deletion("acme",
                NOW.plus(Duration.ofDays(3)))), null), limits(), NOW, null)).extracting(Condition::detail).containsExactly(
                "The deletion of tenant acme at contract end is due 2026-12-10T03:00:00Z (in 3 days) and has not been executed.");
    }

    @Test
    void thresholdsAreCheckedNamingTheRule() {
        assertThat(Thresholds.check("backup.max-age", " pt30h ")).isEqualTo("PT30H");
        assertThat(Thresholds.check("tenant.plan-bytes.acme", "1024")).isEqualTo("1024");
        assertThatThrownBy(() -> Thresholds.check("backup.max-age", "30")).hasMessage(
                "backup.max-age takes a positive ISO-8601 duration such as PT26H: 30");
        assertThatThrownBy(() -> Thresholds.check("heap.max-percent", "-1")).hasMessageContaining("a whole number, 0 or more");
        assertThatThrownBy(() -> Thresholds.check("disk", "1")).hasMessageStartingWith("No threshold disk");
    }
}
