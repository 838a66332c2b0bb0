package jp.sapphire.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database as it really is, read as the backup role (which row-level security does not
 * filter, and which reads every table — the system role reads no tenant's data): what a test did
 * to it, whatever tenant asks.
 */
@Dependent
public class SystemDatabase {

    @Resource(lookup = "jdbc/sapphireBackup")
    DataSource system;

    /** The first column of every row, as text. */
    public List<String> column(String sql, Object... parameters) {
        try {
            return Rows.firstColumn(system.getConnection(), sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, if there is one. */
    public Optional<String> single(String sql, Object... parameters) {
        return column(sql, parameters).stream().findFirst();
    }
}
