package jp.sapphire.monitoring.control;

import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

/**
 * The limits the alert rules hold the service to: the configured defaults
 * ({@code sapphire.alert.<name>}), with what the operators set in their place
 * ({@code sapphire-admin alert threshold NAME VALUE}); a tenant's plan may be set for one tenant as
 * {@code tenant.plan-bytes.<slug>}. Values are ISO-8601 durations, whole numbers or percentages.
 */
public record Thresholds(Map<String, String> values) {

    public static final String BACKUP_MAX_AGE = "backup.max-age";
    public static final String OUTBOX_MAX_AGE = "outbox.max-age";
    public static final String POOL_WAITING_FOR = "pool.waiting-for";
    public static final String DATABASE_DISK_BYTES = "database.disk-bytes";
    public static final String DATABASE_MAX_PERCENT = "database.max-percent";
    public static final String TENANT_PLAN_BYTES = "tenant.plan-bytes";
    public static final String DELETION_DUE_WITHIN = "deletion.due-within";
    public static final String HEAP_MAX_PERCENT = "heap.max-percent";
    public static final String REPEAT = "repeat";

    /** Every threshold by name, and whether its value is a duration. */
    public static final Map<String, Boolean> NAMES = Map.of(BACKUP_MAX_AGE, true, OUTBOX_MAX_AGE, true, POOL_WAITING_FOR, true,
            DATABASE_DISK_BYTES, false, DATABASE_MAX_PERCENT, false, TENANT_PLAN_BYTES, false, DELETION_DUE_WITHIN, true,
            HEAP_MAX_PERCENT, false, REPEAT, true);

    public Thresholds {
        values = Map.copyOf(values);
    }

    /** Whether {@code name} is a threshold: one of {@link #NAMES}, or a tenant's own plan. */
    public static boolean isName(String name) {
        return NAMES.containsKey(name) || name.startsWith(TENANT_PLAN_BYTES + ".") && name.length() > TENANT_PLAN_BYTES.length() + 1;
    }

    /** Checks a value for its threshold; answers it normalised, or refuses naming the rule. */
    public static String check(String name, String value) {
        if (!isName(name)) {
            throw new IllegalArgumentException("No threshold " + name + "; there are " + new TreeSet<>(NAMES.keySet())
                    + " and " + TENANT_PLAN_BYTES + ".<tenant>");
        }
        String text = value == null ? "" : value.strip();
        try {
            if (NAMES.getOrDefault(name, false)) {
                Duration duration = Duration.parse(text);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("positive");
                }
                return duration.toString();
            }
            long number = Long.parseLong(text);
            if (number < 0) {
                throw new IllegalArgumentException("negative");
            }
            return Long.toString(number);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " takes " + (NAMES.getOrDefault(name, false)
                    ? "a positive ISO-8601 duration such as PT26H" : "a whole number, 0 or more") + ": " + text);
        }
    }

    public Duration duration(String name) {
        return Duration.parse(values.get(name));
    }

    public long number(String name) {
        return Long.parseLong(values.get(name));
    }

    /** A tenant's plan: its own if set, else the default plan. */
    public long planBytes(String slug) {
        String own = values.get(TENANT_PLAN_BYTES + "." + slug);
        return own != null ? Long.parseLong(own) : number(TENANT_PLAN_BYTES);
    }
}
