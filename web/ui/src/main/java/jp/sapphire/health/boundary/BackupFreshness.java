package jp.sapphire.health.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.sapphire.backup.boundary.Backups;
import jp.sapphire.monitoring.boundary.Alerts;
import jp.sapphire.monitoring.control.Thresholds;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The newest backup's age, as a check of its own in {@code /health/live} (and {@code /health}):
 * always UP — a stale backup is no reason to restart a server or take it out of rotation, and
 * Liberty's MicroProfile Health has no custom groups — with the age, the generation and
 * {@code fresh} (false when older than the alert's limit, or none) as its data. The alert
 * ({@code backup.age}) is what tells the operators (docs/MONITORING.md).
 */
@Liveness
@ApplicationScoped
public class BackupFreshness implements HealthCheck {

    @EJB
    Backups backups;

    @EJB
    Alerts alerts;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("backup");
        Duration limit = alerts.thresholds().duration(Thresholds.BACKUP_MAX_AGE);
        response.withData("maxAgeSeconds", limit.toSeconds());
        Backups.GenerationInfo newest;
        try {
            newest = backups.newest();
        } catch (RuntimeException e) {
            return response.up().withData("error", "the backup vault cannot be read").withData("fresh", false).build();
        }
        if (newest == null) {
            return response.up().withData("generation", "none").withData("fresh", false).build();
        }
        Duration age = Duration.between(Instant.parse(newest.createdAt()), clock.instant());
        return response.up().withData("generation", newest.generation()).withData("createdAt", newest.createdAt())
                .withData("ageSeconds", age.toSeconds()).withData("fresh", age.compareTo(limit) <= 0).build();
    }
}
