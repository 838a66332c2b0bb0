package jp.sapphire.tenant.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.operations.control.Refused;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.control.TenantTables;
import jp.sapphire.tenant.entity.Tenant;
import jp.sapphire.tenant.entity.TenantDeletion;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whitepaper §4: deletion of a tenant's data at the end of its contract. The tenant's
 * administrator requests it in the console ({@code admin.boundary.ContractEnd}); it is due
 * {@link #PERIOD} later at the latest. An operator executes it earlier through JMX, or the daily job does when the
 * due date is {@code sapphire.deletion.margin} away. Execution deletes every row of the tenant in
 * every table holding tenant data, receipts included, checks that none is left, marks the tenant
 * terminated (nobody signs in again) and keeps a deletion certificate. Backups are not changed:
 * they age out (7 generations), and a restore applies every executed deletion again.
 */
@Stateless
public class TenantDeletions {

    /** The longest time from request to deletion the whitepaper allows. */
    public static final Duration PERIOD = Duration.ofDays(30);

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Resource(lookup = "jdbc/sapphireBackup")
    DataSource live;

    @Inject
    TenantContext tenants;

    @EJB
    SystemAudit audit;

    @Inject
    @ConfigProperty(name = "sapphire.deletion.margin")
    Duration margin;

    @Inject
    Clock clock;

    /** Every request, pending or executed, oldest first: {@code slug requested due executed}. */
    public List<String> list() {
        return system.createNamedQuery(TenantDeletion.ALL, TenantDeletion.class).getResultStream()
                .map(d -> String.join(" ", slugOf(d.getTenantRef()), "requested=" + d.getRequestedAt(), "by=" + d.getRequestedBy(),
                        "due=" + d.getDueAt(), "executed=" + d.getExecutedAt()))
                .toList();
    }

    /** Executes the request of a tenant now; answers its deletion certificate (the same one if it was done already). */
    public String execute(String operator, String slug) {
        Tenant tenant = system.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug).getResultStream()
                .findFirst().orElseThrow(() -> new Refused("no tenant " + slug));
        TenantDeletion deletion = system.find(TenantDeletion.class, tenant.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (deletion == null) {
            throw new Refused("tenant " + slug + " has not requested the deletion of its data");
        }
        return deletion.getExecutedAt() != null ? deletion.getCertificate() : purge(operator, tenant, deletion);
    }

    /** Executes every request due within the margin; answers the tenants deleted. */
    public List<String> executeDue(String operator) {
        Instant horizon = clock.instant().plus(margin);
        List<String> done = new ArrayList<>();
        for (TenantDeletion pending : system.createNamedQuery(TenantDeletion.PENDING, TenantDeletion.class).getResultList()) {
            if (!pending.getDueAt().isAfter(horizon)) {
                done.add(slugOf(pending.getTenantRef()));
                execute(operator, slugOf(pending.getTenantRef()));
            }
        }
        return done;
    }

    /** Whether the tenant's data was deleted: a restore must not bring it back. */
    public boolean isDeleted(UUID tenant) {
        TenantDeletion deletion = system.find(TenantDeletion.class, tenant);
        return deletion != null && deletion.getExecutedAt() != null;
    }

    /**
     * After a restore of the whole database: deletes again what a generation older than a deletion
     * brought back. A tenant the restored data holds no row of is only kept terminated.
     */
    public void reapply(String operator) {
        for (TenantDeletion done : system.createNamedQuery(TenantDeletion.EXECUTED, TenantDeletion.class).getResultList()) {
            Optional.ofNullable(system.find(Tenant.class, done.getTenantRef())).ifPresent(Tenant::terminate);
            if (holdsRows(done.getTenantRef())) {
                long rows = delete(done.getTenantRef()).values().stream().mapToLong(Long::longValue).sum();
                audit.success(SystemEvent.TENANT_DELETED, done.getTenantRef(), operator,
                        "applied again after a restore: " + rows + " rows");
            }
        }
    }

    private boolean holdsRows(UUID tenant) {
        try {
            return TenantTables.holdsRowsOf(live, tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("the rows of tenant " + tenant + " could not be counted: " + e.getMessage(), e);
        }
    }

    private String purge(String operator, Tenant tenant, TenantDeletion deletion) {
        Map<String, Long> deleted = delete(tenant.getId());
        tenant.terminate();
        Instant now = clock.instant();
        String certificate = certificate(tenant, deletion, now, operator, deleted);
        deletion.executed(now, operator, certificate);
        audit.success(SystemEvent.TENANT_DELETED, tenant.getId(), operator,
                deleted.values().stream().mapToLong(Long::longValue).sum() + " rows in " + deleted.size() + " tables, requested "
                        + deletion.getRequestedAt() + ", due " + deletion.getDueAt());
        return certificate;
    }

    private Map<String, Long> delete(UUID tenant) {
        try {
            return TenantTables.purge(live, tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("the deletion of tenant " + tenant + " failed: " + e.getMessage(), e);
        }
    }

    /** The deletion certificate (データ削除証明書): what was deleted, when, on whose request, and its SHA-256. */
    static String certificate(Tenant tenant, TenantDeletion deletion, Instant at, String operator, Map<String, Long> deleted) {
        StringBuilder text = new StringBuilder()
                .append("SAPPHIRE データ削除証明書 / Certificate of data deletion\n")
                .append("tenant: ").append(tenant.getSlug()).append(" (").append(tenant.getDisplayName()).append(", ")
                .append(tenant.getId()).append(", region ").append(tenant.getRegion()).append(")\n")
                .append("requested: ").append(deletion.getRequestedAt()).append(" by ").append(deletion.getRequestedBy()).append('\n')
                .append("due: ").append(deletion.getDueAt()).append('\n')
                .append("deleted: ").append(at).append(" by ").append(operator).append('\n');
        deleted.forEach((table, rows) -> text.append("  ").append(table).append(": ").append(rows).append(" rows\n"));
        text.append("total: ").append(deleted.values().stream().mapToLong(Long::longValue).sum()).append(" rows in ")
                .append(deleted.size()).append(" tables; rows left: 0 (checked in the same transaction)\n")
                .append("backups: generations taken before this time expire with the retention of 7 generations;")
                .append(" a restore applies this deletion again\n");
        return text + "sha256: " + sha256(text.toString()) + "\n";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String slugOf(UUID tenant) {
        return system.find(Tenant.class, tenant).getSlug();
    }
}
