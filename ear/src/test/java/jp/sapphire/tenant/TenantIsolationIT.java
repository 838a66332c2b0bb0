package jp.sapphire.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.ReportFilter;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.it.IsolationProbe;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.TenantFixture;
import jp.sapphire.it.TenantFixture.Seeded;
import jp.sapphire.it.TestSignIn;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.tenant.control.TenantContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whitepaper §3: one tenant can neither see nor change another's data, whichever way the code
 * reaches the database. Each test makes two fresh tenants, signs in as a member of A and attacks
 * B; what B's rows look like afterwards is read as the provider's system role.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Inject
    TenantFixture fixture;

    @Inject
    TestSignIn signIn;

    @Inject
    TenantContext tenants;

    @EJB
    IsolationProbe probe;

    @EJB
    ExpenseReports reports;

    @Resource(lookup = "jdbc/sapphire")
    DataSource application;

    Seeded a;
    Seeded b;

    @BeforeEach
    void twoTenants() {
        a = fixture.tenant("A社");
        b = fixture.tenant("B社");
        signIn.as(a.principal());
    }

    @Test
    void theBoundaryShowsTheCallerOnlyTheirOwnTenantsReports() {
        assertThat(mine()).extracting(ExpenseReport::getId).containsExactlyInAnyOrderElementsOf(a.reports());
        assertThatThrownBy(() -> reports.get(b.report())).isInstanceOf(NotFoundException.class);
        assertThat(reports.get(a.report()).getTenantId()).isEqualTo(a.tenantId().toString());
    }

    @Test
    void everyTenantTableAndEntityShowsOnlyTheCallersTenant() {
        assertThat(fixture.tenantTables()).contains("member", "expense_report", "identity_provider", "role_binding", "api_token",
                "expense_line", "expense_category", "receipt", "receipt_content", "tenant_data_key", "department",
                "approval_route", "approval_route_step", "report_approval_step", "approval_delegation", "action_log",
                "notification", "mail_outbox", "privileged_activity", "bank_account", "payer_settings", "payment_batch",
                "payment_batch_item", "category_accounting", "invoice_override", "journal_settings", "journal_tax_name", "approval_reminder",
                "policy_rule");
        for (String table : fixture.tenantTables()) {
            assertThat(fixture.storedRows(table, b.tenantId()))
                    .as("the fixture must give tenant B rows in %s, or this test proves nothing for it", table).isPositive();
            assertThat(probe.tenantsByNativeQuery(table)).as(table).isNotEmpty().containsOnly(a.tenantId().toString());
        }
        assertThat(probe.tenantOwnedTypes()).hasSizeGreaterThanOrEqualTo(29);
        for (Class<?> type : probe.tenantOwnedTypes()) {
            assertThat(probe.tenantsByJpql(type)).as(type.getSimpleName()).isNotEmpty().containsOnly(a.tenantId().toString());
        }
    }

    @Test
    void findByPrimaryKeyDoesNotReachAnotherTenant() {
        assertThat(probe.findReport(b.report())).isEmpty();
        assertThat(probe.findMember(b.member().getId())).isEmpty();
        assertThat(probe.findMember(a.member().getId())).isPresent();
    }

    @Test
    void jpqlAndCriteriaQueriesSeeOnlyTheCallersTenant() {
        assertThat(probe.idsByJpql(ExpenseReport.class)).containsExactlyInAnyOrderElementsOf(a.reports());
        assertThat(probe.idsByCriteria(ExpenseReport.class)).containsExactlyInAnyOrderElementsOf(a.reports());
        assertThat(probe.idsByJpql(Member.class)).containsExactlyInAnyOrder(a.member().getId(), a.manager().memberId());
        assertThat(probe.idsByCriteria(Member.class)).containsExactlyInAnyOrder(a.member().getId(), a.manager().memberId());
    }

    @Test
    void nativeQueriesWithoutTenantPredicateSeeOnlyTheCallersTenant() {
        assertThat(probe.idsByNativeQuery("expense_report")).containsExactlyInAnyOrderElementsOf(a.reports());
        assertThat(probe.idsByNativeQuery("member")).containsExactlyInAnyOrder(a.member().getId(), a.manager().memberId());
    }

    @Test
    void bulkJpqlUpdateAndDeleteLeaveAnotherTenantAlone() {
        assertThat(probe.bulkRetitleAll("書き換え")).isEqualTo(a.reports().size());
        assertThat(fixture.storedTitle(a.report())).contains("書き換え");
        assertThat(fixture.storedTitle(b.report())).contains("B社 出張");

        assertThat(probe.bulkDeleteAll()).isEqualTo(a.reports().size());
        assertThat(fixture.storedTitle(a.report())).isEmpty();
        assertThat(b.reports()).allSatisfy(id -> assertThat(fixture.storedTitle(id)).isPresent());
    }

    @Test
    void nativeUpdateAndDeleteByAnotherTenantsKeyChangeNothing() {
        assertThat(probe.nativeRetitle(b.report(), "乗っ取り")).isZero();
        assertThat(probe.nativeDelete(b.report())).isZero();
        assertThat(fixture.storedTitle(b.report())).contains("B社 出張");
    }

    @Test
    void entityRemoveAndMergeByAnotherTenantsKeyChangeNothing() {
        attempt(() -> probe.removeByReference(b.report()));
        attempt(() -> probe.mergeForged(b.report(), a.member().getId(), "乗っ取り"));
        assertThat(fixture.storedTitle(b.report())).contains("B社 出張");
        assertThat(fixture.storedTenantOf(b.report())).contains(b.tenantId().toString());
    }

    @Test
    void anInsertNamingAnotherTenantIsRefusedByRowLevelSecurity() {
        assertThatThrownBy(() -> probe.nativeInsertInto(b.tenantId(), b.member().getId(), "紛れ込み"))
                .hasStackTraceContaining("violates row-level security policy");
        assertThat(fixture.storedReportsWithTitle("紛れ込み")).isZero();
    }

    @Test
    void theDatabaseSeesTheCallersTenantInsideTheTransactionAndNoneAfterIt() throws SQLException {
        assertThat(probe.databaseTenant()).isEqualTo(a.tenantId().toString());
        // Borrow more connections than the pool keeps, so the one the transaction used is among them.
        for (int i = 0; i < 25; i++) {
            try (Connection connection = application.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet setting = statement.executeQuery("SELECT current_setting('sapphire.tenant_id', true)")) {
                setting.next();
                assertThat(setting.getString(1)).as("tenant left on a pooled connection").isNullOrEmpty();
            }
        }
    }

    @Test
    void plainJdbcOnTheApplicationDataSourceWithoutATenantSeesNoRows() throws SQLException {
        for (String table : new String[] {"member", "expense_report"}) {
            try (Connection connection = application.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                count.next();
                assertThat(count.getLong(1)).as(table).isZero();
            }
        }
    }

    @Test
    void withoutSignInNoTenantDataIsReachable() {
        signIn.signOut();
        assertThat(tenants.currentTenant()).isEmpty();
        assertThatThrownBy(this::mine);
        assertThat(probe.idsByNativeQuery("expense_report")).isEmpty();
    }

    @Test
    void aSignedInMemberCannotChooseAnotherTenant() {
        assertThatThrownBy(() -> tenants.callAsTenant(b.tenantId(), () -> probe.idsByJpql(ExpenseReport.class)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tenants.currentTenant()).contains(a.tenantId());
    }

    @Test
    void theSecondTenantSeesOnlyItsOwnRowsToo() {
        signIn.as(b.principal());
        assertThat(mine()).extracting(ExpenseReport::getId).containsExactlyInAnyOrderElementsOf(b.reports());
        assertThat(probe.idsByNativeQuery("expense_report")).containsExactlyInAnyOrderElementsOf(b.reports());
        assertThat(probe.findReport(a.report())).isEmpty();
    }

    private List<ExpenseReport> mine() {
        return reports.mine(ReportFilter.ALL, 0, 100).items();
    }

    /** An attack may fail loudly or quietly; either way only the stored rows tell the outcome. */
    private static void attempt(Runnable attack) {
        try {
            attack.run();
        } catch (RuntimeException refused) {
            // the database state is asserted by the caller
        }
    }
}
