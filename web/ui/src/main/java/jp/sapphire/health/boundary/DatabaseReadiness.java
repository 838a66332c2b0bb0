package jp.sapphire.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.sapphire.schema.boundary.SchemaMigration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated and the application's database login answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/sapphire")
    DataSource database;

    @Inject
    SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!schema.isComplete()) {
            return response.down().withData("schema", "migrating").build();
        }
        try (Connection connection = database.getConnection()) {
            boolean valid = connection.isValid(2);
            return response.status(valid).withData("schema", schema.version()).build();
        } catch (SQLException e) {
            return response.down().withData("schema", schema.version()).withData("error", e.getSQLState()).build();
        }
    }
}
