package jp.sapphire.tenant.control;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import jp.sapphire.tenant.entity.TenantOwned;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Writes the tenant of the entity manager into {@code sapphire.tenant_id} on the connection
 * EclipseLink has just acquired, so that every row-level security policy of the database
 * applies to whatever SQL follows, native queries and updates by primary key included.
 *
 * <p>The setting is transaction-local ({@code set_config(..., true)}): PostgreSQL drops it at
 * commit or rollback, before the connection can go back to the pool, so a connection can
 * never carry a tenant to its next borrower even if this class is never called again. An
 * entity manager without a tenant writes nothing, and no setting matches no row.
 *
 * <p>Registered through {@code eclipselink.session-event-listener}; the persistence unit runs
 * with {@code eclipselink.jdbc.exclusive-connection.mode=Always}, which makes EclipseLink
 * raise the exclusive-connection events below for every transaction of every entity manager.
 */
public class RowLevelSecurityListener extends SessionEventAdapter {

    private static final System.Logger LOG = System.getLogger(RowLevelSecurityListener.class.getName());

    static final String SET_TENANT = "SELECT set_config('sapphire.tenant_id', ?, true)";

    @Override
    public void postAcquireExclusiveConnection(SessionEvent event) {
        String tenant = tenantOf(event.getSession());
        if (tenant == null) {
            LOG.log(Level.DEBUG, "Connection acquired without a tenant; tenant tables will show no rows");
            return;
        }
        bindTenant(((Accessor) event.getResult()).getConnection(), tenant);
    }

    static String tenantOf(Session session) {
        Object tenant = session.getProperty(TenantOwned.TENANT_PROPERTY);
        return tenant == null || tenant.toString().isBlank() ? null : tenant.toString();
    }

    static void bindTenant(Connection connection, String tenant) {
        try (PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
            statement.setString(1, tenant);
            statement.execute();
        } catch (SQLException e) {
            throw DatabaseException.sqlException(e);
        }
    }
}
