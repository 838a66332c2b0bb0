package jp.sapphire.schema;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.sapphire.it.SapphireDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads the PostgreSQL catalog of the migrated database, so every table a later migration adds
 * is held to the same rules without editing this test:
 * <ul>
 *   <li>a table with {@code tenant_id} has row-level security enabled and forced, and a policy
 *       for all commands comparing {@code tenant_id} with {@code current_tenant_id()} both for
 *       the rows it shows (USING) and for the rows it accepts (WITH CHECK);</li>
 *   <li>a table without {@code tenant_id} declares itself provider-side in its comment;</li>
 *   <li>the application's login is no superuser, cannot bypass row-level security, owns
 *       nothing and may only read and write rows.</li>
 * </ul>
 * It runs as the application's own login ({@code jdbc/sapphire}).
 */
@ExtendWith(ArquillianExtension.class)
class SchemaGuardIT {

    private static final String OWN_ROW = "(tenant_ref = current_tenant_id())";
    private static final String ISOLATION = "(tenant_id = current_tenant_id())";

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Resource(lookup = "jdbc/sapphire")
    DataSource application;

    @Test
    void everyTenantTableIsUnderForcedRowLevelSecurityWithTheIsolationPolicy() throws SQLException {
        List<String> tenantTables = column("""
                SELECT c.relname FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')""");
        assertThat(tenantTables).contains("member", "expense_report");

        List<String> unprotected = column("""
                SELECT c.relname FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                   AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                        AND EXISTS (SELECT FROM pg_policy p
                                     WHERE p.polrelid = c.oid AND p.polcmd = '*' AND p.polpermissive
                                       AND pg_get_expr(p.polqual, p.polrelid) = ?
                                       AND pg_get_expr(p.polwithcheck, p.polrelid) = ?))""",
                ISOLATION, ISOLATION);
        assertThat(unprotected).as("tables with tenant_id but without forced RLS and the isolation policy").isEmpty();

        // The one other shape allowed: a provider-side row that names its tenant in tenant_ref, readable by that
        // tenant alone (tenant_deletion: the tenant's own deletion request). A restrictive policy only narrows
        // what the permissive ones allow (tenant_deletion: withdrawn only while pending), so it widens nothing.
        List<String> otherPolicies = column("""
                SELECT c.relname || '.' || p.polname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
                 WHERE p.polpermissive
                   AND NOT (pg_get_expr(p.polqual, p.polrelid) = ? AND pg_get_expr(p.polwithcheck, p.polrelid) = ?)
                   AND NOT (pg_get_expr(p.polqual, p.polrelid) = ? AND pg_get_expr(p.polwithcheck, p.polrelid) = ?
                            AND c.relforcerowsecurity)""", ISOLATION, ISOLATION, OWN_ROW, OWN_ROW);
        assertThat(otherPolicies).as("policies that would widen a tenant's view").isEmpty();
    }

    @Test
    void everyTableWithoutTenantIdIsDeclaredProviderSide() throws SQLException {
        List<String> undeclared = column("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                   AND c.relname <> 'flyway_schema_history'
                   AND NOT EXISTS (SELECT FROM pg_attribute a
                                    WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                   AND coalesce(obj_description(c.oid, 'pg_class'), '') NOT LIKE 'provider-side:%'""");
        assertThat(undeclared).as("tables that are neither tenant-owned nor declared provider-side").isEmpty();
    }

    @Test
    void theApplicationLoginIsUnprivilegedAndOwnsNothing() throws SQLException {
        assertThat(column("SELECT current_user::text")).containsExactly("sapphire_app");
        assertThat(column("SELECT rolname::text FROM pg_roles WHERE rolname = current_user"
                + " AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb OR rolreplication)")).isEmpty();
        assertThat(column("SELECT relname::text FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"))
                .as("relations owned by the application login").isEmpty();
        assertThat(column("SELECT nspname::text FROM pg_namespace WHERE has_schema_privilege(oid, 'CREATE')"
                + " AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'"))
                .as("schemas the application login may create objects in").isEmpty();
        assertThat(column("""
                SELECT c.relname || ':' || p.privilege FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 CROSS JOIN (VALUES ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) AS p(privilege)
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                   AND has_table_privilege(c.oid, p.privilege)"""))
                .as("privileges beyond reading and writing rows").isEmpty();
        assertThat(column("SELECT 'flyway_schema_history' WHERE has_table_privilege('flyway_schema_history', 'SELECT,INSERT,UPDATE,DELETE')"))
                .as("access to the migration history").isEmpty();
    }

    @Test
    void theSystemLoginHoldsNoTenantsDataOnlyTheOutboxColumnsThatSayWhoHasMailDue() throws SQLException {
        assertThat(column("""
                SELECT c.relname || ':' || p.privilege FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) AS p(privilege)
                 WHERE n.nspname = 'public' AND c.relkind = 'r'
                   AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
                   AND has_table_privilege('sapphire_system', c.oid, p.privilege)
                 ORDER BY 1""")).as("table privileges of sapphire_system on tenant tables").isEmpty();
        assertThat(column("""
                SELECT c.relname || '.' || a.attname FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE n.nspname = 'public' AND c.relkind = 'r'
                   AND EXISTS (SELECT FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id')
                   AND has_column_privilege('sapphire_system', c.oid, a.attnum, 'SELECT,INSERT,UPDATE')
                 ORDER BY 1""")).containsExactly("mail_outbox.created_at", "mail_outbox.failed_at",
                "mail_outbox.next_attempt_at", "mail_outbox.sent_at", "mail_outbox.tenant_id");
    }

    @Test
    void theSystemAuditLogIsAppendOnlyAndOutOfCustomersReach() throws SQLException {
        assertThat(column("""
                SELECT r.rolname || ':' || p.privilege FROM pg_roles r
                 CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) AS p(privilege)
                 WHERE r.rolname IN ('sapphire_app', 'sapphire_system')
                   AND has_table_privilege(r.rolname, 'system_audit_log', p.privilege)
                 ORDER BY 1"""))
                .containsExactly("sapphire_system:INSERT", "sapphire_system:SELECT");
    }

    @Test
    void theActionLogAndRouteSnapshotsAreAppendOnlyForTheApplication() throws SQLException {
        assertThat(column("""
                SELECT t.name || ':' || p.privilege
                  FROM (VALUES ('action_log'), ('report_approval_step')) AS t(name)
                 CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) AS p(privilege)
                 WHERE has_table_privilege('sapphire_app', t.name, p.privilege)
                 ORDER BY 1"""))
                .containsExactly("action_log:INSERT", "action_log:SELECT",
                        "report_approval_step:INSERT", "report_approval_step:SELECT");
        assertThat(column("""
                SELECT p.privilege FROM (VALUES ('UPDATE'), ('TRUNCATE')) AS p(privilege)
                 WHERE has_table_privilege('sapphire_system', 'action_log', p.privilege)"""))
                .as("the provider's jobs may delete a departed tenant's log, never rewrite it").isEmpty();
    }

    @Test
    void everyTableIsFollowedByTheIncrementalBackup() throws SQLException {
        assertThat(column("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind = 'r'
                   AND c.relname <> 'flyway_schema_history' AND c.relname NOT LIKE 'backup\\_%'
                   AND NOT (EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'zz_backup_capture'
                                      AND t.tgenabled = 'O')
                        AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'backup_seq'
                                      AND NOT a.attisdropped)
                        AND EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary))"""))
                .as("tables whose changes the incremental backup would miss").isEmpty();
        assertThat(column("SELECT c.relname FROM pg_class c WHERE c.relname LIKE 'backup\\_%' AND c.relkind = 'r'"
                + " AND has_table_privilege('sapphire_app', c.oid, 'SELECT,INSERT,UPDATE,DELETE')"))
                .as("backup bookkeeping the application can touch").isEmpty();
    }

    /**
     * A tenant's query names its tenant first (the discriminator and the policies add it), so every
     * index of a tenant table leads with {@code tenant_id} and a tenant's rows stay together in it,
     * however many tenants the database holds — apart from the primary keys (one row by its id) and
     * the provider's own scans across tenants: the backup's change numbers and the outbox's due mail.
     */
    @Test
    void everyIndexOfATenantTableLeadsWithTheTenant() throws SQLException {
        assertThat(column("""
                SELECT c.relname || '.' || i.relname FROM pg_index x
                  JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class c ON c.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND NOT x.indisprimary
                   AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                   AND (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = x.indkey[0])
                       IS DISTINCT FROM 'tenant_id'
                   AND i.relname NOT LIKE '%\\_backup\\_seq\\_idx' AND i.relname <> 'mail_outbox_due_idx'
                 ORDER BY 1"""))
                .as("indexes of tenant tables that do not lead with tenant_id").isEmpty();
    }

    private List<String> column(String sql, String... parameters) throws SQLException {
        try (Connection connection = application.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
