package jp.sapphire.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test database as a PostgreSQL superuser sees it, from the test JVM: for tests that play
 * someone with full access to the database (a rogue administrator, a stolen backup) and look at
 * what SAPPHIRE notices. Connects as bootstrap.sh does: PGHOST, PGPORT, PGUSER (127.0.0.1,
 * 5432, postgres), database sapphire_it.
 */
public final class Superuser {

    /** The test server's database (the cluster's tests name the cluster's). */
    public static final String DATABASE = System.getProperty("sapphire.it.db", "sapphire_it");

    private Superuser() {
    }

    public static Connection connect() throws SQLException {
        String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("PGPORT", "5432");
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + DATABASE, user,
                System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    /** Runs statements in one transaction; answers the rows each changed. */
    public static List<Integer> execute(String... statements) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            List<Integer> changed = new ArrayList<>();
            for (String sql : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    changed.add(statement.execute() ? -1 : statement.getUpdateCount());
                }
            }
            connection.commit();
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public static List<String> column(String sql, Object... parameters) {
        try {
            return Rows.firstColumn(connect(), sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
