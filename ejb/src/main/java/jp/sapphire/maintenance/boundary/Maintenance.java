package jp.sapphire.maintenance.boundary;

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
 * What every server tells users about operations, read and written in this one place: whether the
 * system is in maintenance (a restore is running: pages and the API answer with the maintenance
 * notice, timers hold back), and the restore notices published to all tenants. Read from the
 * database as the provider's system role at most every {@link #FRESH_FOR}, so all servers follow
 * within that time; if the database cannot be read, the last state read stands. Written by the
 * operators' backup console, as the backup role.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Maintenance {

    private static final System.Logger LOG = System.getLogger(Maintenance.class.getName());
    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /** Notices carried out stay shown this long. */
    private static final Duration SHOWN_AFTER = Duration.ofDays(1);

    /** A published notice of a restore of the whole system, or ({@code tenant} set) of one tenant. */
    public record Notice(UUID id, long generation, Instant scheduledAt, String reason, Instant dataAsOf, boolean emergency,
                         Instant publishedAt, Instant carriedOutAt, UUID tenant, String publishedBy) {

        /** Whether the members of this tenant are to be told of it. */
        public boolean concerns(UUID member) {
            return tenant == null || tenant.equals(member);
        }
    }

    /** When it was read, on the monotonic timer: the freshness of a cache is no date of the business. */
    private record State(Optional<String> maintenance, List<Notice> notices, long readAtNanos) {
    }

    private static final long STALE = System.nanoTime() - FRESH_FOR.toNanos() - 1;

    @Resource(lookup = "jdbc/sapphireSystem")
    DataSource system;

    @Resource(lookup = "jdbc/sapphireBackup")
    DataSource operators;

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

    /** Puts every server into maintenance with this reason, or ({@code null}) out of it. */
    public void set(String reason) throws SQLException {
        try (Connection connection = operators.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE backup_state SET maintenance_since = CASE WHEN ?::text IS NULL THEN NULL ELSE ?::timestamptz END,"
                             + " maintenance_reason = ?")) {
            update.setString(1, reason);
            update.setTimestamp(2, Timestamp.from(clock.instant()));
            update.setString(3, reason);
            update.executeUpdate();
        }
        refresh();
    }

    /** Publishes a notice (of one tenant's restore if {@code tenant} is given): from now on the pages show it. */
    public Notice publish(long generation, Instant at, String reason, Instant dataAsOf, boolean emergency, String operator,
                          UUID tenant) throws SQLException {
        Notice notice = new Notice(UUID.randomUUID(), generation, at, reason, dataAsOf, emergency, clock.instant(), null,
                tenant, operator);
        try (Connection connection = operators.getConnection()) {
            insert(connection, notice, null);
        }
        refresh();
        return notice;
    }

    private static void insert(Connection connection, Notice notice, Instant carriedOutAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO backup_notice (id, generation, scheduled_at,"
                + " reason, data_as_of, emergency, published_at, published_by, tenant_ref, carried_out_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, notice.id());
            insert.setLong(2, notice.generation());
            insert.setTimestamp(3, Timestamp.from(notice.scheduledAt()));
            insert.setString(4, notice.reason());
            insert.setTimestamp(5, Timestamp.from(notice.dataAsOf()));
            insert.setBoolean(6, notice.emergency());
            insert.setTimestamp(7, Timestamp.from(notice.publishedAt()));
            insert.setString(8, notice.publishedBy());
            insert.setObject(9, notice.tenant());
            insert.setTimestamp(10, carriedOutAt == null ? null : Timestamp.from(carriedOutAt));
            insert.executeUpdate();
        }
    }

    /**
     * The restore a notice announced has been done. A restore to a moment before the notice was
     * published took the notice away with everything else: then it is written again, carried out.
     */
    public void carriedOut(Notice notice) throws SQLException {
        try (Connection connection = operators.getConnection();
             PreparedStatement done = connection.prepareStatement("UPDATE backup_notice SET carried_out_at = ? WHERE id = ?")) {
            done.setTimestamp(1, Timestamp.from(clock.instant()));
            done.setObject(2, notice.id());
            if (done.executeUpdate() == 0) {
                insert(connection, notice, clock.instant());
            }
        }
        refresh();
    }

    /** Forgets what was read, so the next question reads the database. */
    private void refresh() {
        state = new State(state.maintenance(), state.notices(), STALE);
    }

    private State current() {
        State known = state;
        if (System.nanoTime() - known.readAtNanos() < FRESH_FOR.toNanos()) {
            return known;
        }
        try (Connection connection = system.getConnection(); Statement statement = connection.createStatement();
             PreparedStatement recent = connection.prepareStatement("""
                    SELECT id, generation, scheduled_at, reason, data_as_of, emergency, published_at, carried_out_at,
                           tenant_ref, published_by
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
            recent.setTimestamp(1, Timestamp.from(clock.instant().minus(SHOWN_AFTER)));
            try (ResultSet rows = recent.executeQuery()) {
                while (rows.next()) {
                    notices.add(new Notice(rows.getObject(1, UUID.class), rows.getLong(2), instant(rows, 3),
                            rows.getString(4), instant(rows, 5), rows.getBoolean(6), instant(rows, 7), instant(rows, 8),
                            rows.getObject(9, UUID.class), rows.getString(10)));
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
