package jp.sapphire.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.boundary.RoleBindings;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.tenant.boundary.TenantProvisioning;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Region;
import jp.sapphire.tenant.entity.Tenant;

/**
 * Makes a fresh tenant with a member and reports for each test, through the production
 * boundaries, and reads the database as it really is (as the provider's system role, which
 * row-level security does not filter) to see what a test did to it.
 */
@Dependent
public class TenantFixture {

    public static final String ISSUER = "https://idp.test.example/";

    /** A tenant made for one test: its member, signed-in identity and two reports. */
    public record Seeded(Tenant tenant, Member member, SapphirePrincipal principal, List<UUID> reports) {

        public UUID tenantId() {
            return tenant.getId();
        }

        public UUID report() {
            return reports.get(0);
        }
    }

    @EJB
    TenantProvisioning provisioning;

    @EJB
    Members members;

    @EJB
    IsolationProbe probe;

    @EJB
    IdentityProviders identityProviders;

    @EJB
    RoleBindings roleBindings;

    @Inject
    TenantContext tenants;

    @Resource(lookup = "jdbc/sapphireSystem")
    DataSource system;

    /** A tenant with a row in every customer-owned table: member, reports, IdP, role binding, API token. */
    public Seeded tenant(String name) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 13);
        Tenant tenant = provisioning.provision(slug, name, Region.asia);
        return tenants.callAsTenant(tenant.getId(), () -> {
            Member member = members.register(ISSUER, "sub-" + slug, name + " 太郎", slug + "@example.com");
            List<UUID> reports = probe.persistReports(member.getId(), name + " 出張", name + " 会食");
            identityProviders.configure(IdentityProviderSettings.of(ISSUER, "client-" + slug, "secret-" + slug));
            roleBindings.grant(Role.EMPLOYEE, RoleBinding.Kind.SUBJECT, "sub-" + slug);
            probe.persistApiToken(member.getId(), name + " token");
            var principal = new SapphirePrincipal(tenant.getId(), slug, member.getId(), member.getDisplayName());
            return new Seeded(tenant, member, principal, reports);
        });
    }

    /** The report's title as stored, whatever tenant asks. */
    public Optional<String> storedTitle(UUID report) {
        return single("SELECT title FROM expense_report WHERE id = ?", report);
    }

    /** Every table with a tenant_id column, from the catalog: new tables are included by themselves. */
    public List<String> tenantTables() {
        return rows("SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped"
                + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1");
    }

    public long storedRows(String table, UUID tenant) {
        return single("SELECT count(*)::text FROM " + table + " WHERE tenant_id = ?", tenant).map(Long::parseLong).orElse(0L);
    }

    public Optional<String> storedTenantOf(UUID report) {
        return single("SELECT tenant_id::text FROM expense_report WHERE id = ?", report);
    }

    public long storedReportsWithTitle(String title) {
        return single("SELECT count(*)::text FROM expense_report WHERE title = ?", title).map(Long::parseLong).orElse(0L);
    }

    private List<String> rows(String sql) {
        try (Connection connection = system.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> single(String sql, Object parameter) {
        try (Connection connection = system.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
