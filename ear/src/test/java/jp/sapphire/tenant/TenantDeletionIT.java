package jp.sapphire.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.OperationsException;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SystemDatabase;
import jp.sapphire.it.TenantFixture;
import jp.sapphire.it.TenantFixture.Seeded;
import jp.sapphire.it.TestSignIn;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.admin.boundary.ContractEnd;
import jp.sapphire.tenant.boundary.TenantDeletions;
import jp.sapphire.tenant.entity.TenantDeletion;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whitepaper §4, deletion at contract end: a tenant administrator requests it (due within 30
 * days), an operator executes it through JMX or the daily job does before the due date; then no
 * table holding tenant data has a row of the tenant — every such table found in the catalog, with
 * rows before — while another tenant keeps every row, the tenant is terminated, a certificate
 * stays, and no backup is restored for it.
 */
@ExtendWith(ArquillianExtension.class)
class TenantDeletionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Inject
    TenantFixture fixture;

    @Inject
    TestSignIn signIn;

    @Inject
    SystemDatabase database;

    @EJB
    ContractEnd deletions;

    @AfterEach
    void signOut() {
        signIn.signOut();
        TestClock.reset();
    }

    private void request(Seeded tenant) {
        signIn.as(tenant.principal(), Role.TENANT_ADMIN);
        deletions.request(tenant.tenant().getSlug(), TestClock.now());
        signIn.signOut();
    }

    @Test
    void aRequestedDeletionLeavesNoRowOfTheTenantAndEveryRowOfAnother() throws Exception {
        Seeded leaving = fixture.tenant("解約社");
        Seeded staying = fixture.tenant("継続社");
        List<String> tables = fixture.tenantTables();
        for (String table : tables) {
            assertThat(fixture.storedRows(table, leaving.tenantId())).as("rows of the leaving tenant in " + table).isPositive();
        }
        String slug = leaving.tenant().getSlug();

        signIn.as(leaving.principal(), Role.TENANT_ADMIN);
        assertThatThrownBy(() -> deletions.request("someone-else", TestClock.now())).isInstanceOf(InvalidInputException.class);
        TenantDeletion request = deletions.request(" " + slug + " ", TestClock.now());
        assertThat(Duration.between(request.getRequestedAt(), request.getDueAt())).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> deletions.request(slug, TestClock.now())).isInstanceOf(ConflictException.class);
        assertThat(deletions.ofMyTenant()).isPresent();
        signIn.signOut();
        assertThat(audit(leaving)).contains("TENANT_DELETION_REQUESTED");

        String certificate = (String) operator("deleteTenant", slug);
        for (String table : tables) {
            assertThat(fixture.storedRows(table, leaving.tenantId())).as("rows of the deleted tenant in " + table).isZero();
            assertThat(fixture.storedRows(table, staying.tenantId())).as("rows of the other tenant in " + table).isPositive();
        }
        assertThat(database.single("SELECT status FROM tenant WHERE id = ?", leaving.tenantId())).contains("TERMINATED");
        assertThat(certificate).contains("データ削除証明書").contains(slug).contains("receipt_content: 1 rows")
                .contains("rows left: 0").containsPattern("sha256: [0-9a-f]{64}");
        assertThat(operator("deleteTenant", slug)).as("a second call answers the same certificate").isEqualTo(certificate);
        assertThat(database.single("SELECT certificate FROM tenant_deletion WHERE tenant_ref = ?", leaving.tenantId()))
                .contains(certificate);
        assertThat(String.join("\n", (String[]) operator("listDeletions"))).contains(slug + " requested=").contains("executed=20");
        assertThat(audit(leaving)).contains("TENANT_DELETED");

        assertThatThrownBy(() -> ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("jp.sapphire:type=Backups"),
                "restoreTenant", new Object[] {slug, 1L}, new String[] {String.class.getName(), "long"}))
                .hasMessageContaining("deleted at the end of its contract");
    }

    @Test
    void theDailyJobDeletesWhatFallsDueWithinTwoDaysAndLeavesTheRest() throws Exception {
        Instant start = TestClock.freezeNow();
        Seeded early = fixture.tenant("早期解約社");
        Seeded later = fixture.tenant("月末解約社");
        request(early);
        TestClock.move(Duration.ofDays(3));
        request(later);
        // Other tests' requests may fall due too when the clock moves on: only these two are looked at.
        assertThat((String) operator("deleteDue")).doesNotContain(early.tenant().getSlug(), later.tenant().getSlug());

        // The daily job deletes what is due within its margin of two days: early's request from day 28 on.
        Instant earlyDue = start.plus(TenantDeletions.PERIOD);
        TestClock.freeze(earlyDue.minus(Duration.ofDays(2)).minusSeconds(1));
        assertThat((String) operator("deleteDue")).doesNotContain(early.tenant().getSlug(), later.tenant().getSlug());
        TestClock.move(Duration.ofSeconds(1));
        assertThat((String) operator("deleteDue")).contains(early.tenant().getSlug()).doesNotContain(later.tenant().getSlug());
        assertThat(fixture.storedRows("expense_report", early.tenantId())).isZero();
        assertThat(fixture.storedRows("receipt_content", early.tenantId())).isZero();
        assertThat(fixture.storedRows("expense_report", later.tenantId())).isPositive();
        assertThat(database.single("SELECT status FROM tenant WHERE id = ?", later.tenantId())).contains("ACTIVE");

        assertThatThrownBy(() -> operator("deleteTenant", fixture.tenant("申請なし社").tenant().getSlug()))
                .hasMessageContaining("has not requested the deletion");
    }

    private String audit(Seeded tenant) {
        return String.join("\n", database.column("SELECT event FROM system_audit_log WHERE tenant_ref = ?", tenant.tenantId()));
    }

    /** An operation of the operators' tenant console, as JMX calls it. */
    private static Object operator(String operation, String... arguments) throws Exception {
        String[] signature = new String[arguments.length];
        java.util.Arrays.fill(signature, String.class.getName());
        try {
            return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("jp.sapphire:type=Tenants"), operation,
                    arguments, signature);
        } catch (MBeanException e) {
            throw e.getTargetException() instanceof OperationsException refused ? refused : e;
        }
    }
}
