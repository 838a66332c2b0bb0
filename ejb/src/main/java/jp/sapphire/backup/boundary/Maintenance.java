package jp.sapphire.backup.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What every server tells users about operations: whether the system is in maintenance (a restore
 * is running: pages and the API answer with the maintenance notice, timers hold back), and the
 * restore notices published to all tenants. Read from the database as the provider's system role
 * at most every {@link #FRESH_FOR}, so all servers follow within that time; if the database
 * cannot be read, the last state read stands.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Maintenance {

    private static final System.Logger LOG = System.getLogger(Maintenance.class.getName());
    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    /** A published notice of a restore of the whole system. */
    public record Notice(UUID id, long generation, Instant scheduledAt, String reason, Instant dataAsOf, boolean emergency,
                         Instant publishedAt, Instant carriedOutAt) {
    }

    /** When it was read, on the monotonic timer: the freshness of a cache is no date of the business. */
    private record State(Optional<String> maintenance, List<Notice> notices, long readAtNanos) {
    }

    private static final long STALE = System.nanoTime() - FRESH_FOR.toNanos() - 1;

    @Resource(lookup = "jdbc/sapphireSystem")
    DataSource system;

    @Inject
    Clock clock;

    private volatile State state = new State(Optional.empty(), List.of(), STALE);

    /** The reason, while the system is in maintenance. */
    public Optional<String> underMaintenance() {
        return current().maintenance();
    }

    /** Notices not yet carried out, and those carried out in the last day, soonest first. */
    public List<Notice> notices() {
        return current().notices();
    }

    /** Forgets what was read, so the next question reads the database (after an operator's change). */
    public void refresh() {
        state = new State(state.maintenance(), state.notices(), STALE);
    }

    private State current() {
        State known = state;
        if (System.nanoTime() - known.readAtNanos() < FRESH_FOR.toNanos()) {
            return known;
        }
        try (Connection connection = system.getConnection(); Statement statement = connection.createStatement();
             PreparedStatement recent = connection.prepareStatement("""
                    SELECT id, generation, scheduled_at, reason, data_as_of, emergency, published_at, carried_out_at
                      FROM backup_notice
                     WHERE carried_out_at IS NULL OR carried_out_at > ?
                     ORDER BY scheduled_at""")) {
            Optional<String> maintenance;
            try (ResultSet row = statement.executeQuery(
                    "SELECT maintenance_since IS NOT NULL, maintenance_reason FROM backup_state")) {
                maintenance = row.next() && row.getBoolean(1)
                        ? Optional.of(Optional.ofNullable(row.getString(2)).orElse("")) : Optional.empty();
            }
            List<Notice> notices = new ArrayList<>();
            recent.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
            try (ResultSet rows = recent.executeQuery()) {
                while (rows.next()) {
                    notices.add(new Notice(rows.getObject(1, UUID.class), rows.getLong(2), instant(rows, 3),
                            rows.getString(4), instant(rows, 5), rows.getBoolean(6), instant(rows, 7), instant(rows, 8)));
                }
            }
            State read = new State(maintenance, List.copyOf(notices), System.nanoTime());
            state = read;
            return read;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Maintenance state not readable, keeping the last one: " + e);
            return known;
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
