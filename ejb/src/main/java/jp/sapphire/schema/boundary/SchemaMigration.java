package jp.sapphire.schema.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway as {@code sapphire_owner} while the application
 * starts. Liberty serves no request of an application whose start-up beans have not finished,
 * and readiness reports DOWN until {@link #isComplete()}; a failed migration fails the start.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final System.Logger LOG = System.getLogger(SchemaMigration.class.getName());

    /**
     * Flyway finds migrations in an application server's archives through the empty marker
     * file {@code flyway.location} in each location (db/migration, and Flyway's default
     * db/callback, which holds no callbacks yet).
     */
    static final String LOCATION = "classpath:db/migration";

    @Resource(lookup = "jdbc/sapphireMigration")
    DataSource owner;

    private volatile String version;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(owner)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        version = Optional.ofNullable(flyway.info().current()).map(MigrationInfo::getVersion)
                .map(Object::toString).orElse("none");
        LOG.log(Level.INFO, "Schema at version {0}; {1} migration(s) applied now",
                version, result.migrationsExecuted);
    }

    public boolean isComplete() {
        return version != null;
    }

    public String version() {
        return version;
    }
}
