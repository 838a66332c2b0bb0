package jp.sapphire.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.UUID;
import jp.sapphire.demo.boundary.DemoData;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.it.CreatedTenants;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SystemDatabase;
import jp.sapphire.it.TestSignIn;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.payment.boundary.Payments;
import jp.sapphire.payment.control.BankDays;
import jp.sapphire.tenant.boundary.TenantProvisioning;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Region;
import jp.sapphire.tenant.entity.Tenant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo the README's run command seeds, seeded here into a fresh tenant through the same
 * boundary: 鈴木 of accounting finds 山田's two approved reports waiting, with 山田's account, and
 * pays them with a 全銀 file from the demo company's payer settings.
 */
@ExtendWith(ArquillianExtension.class)
class DemoDataIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @EJB
    TenantProvisioning provisioning;

    @EJB
    DemoData demo;

    @EJB
    Payments payments;

    @Inject
    CreatedTenants created;

    @Inject
    TenantContext tenants;

    @Inject
    TestSignIn signIn;

    @Inject
    SystemDatabase database;

    @Test
    void theDemoSeedsAccountsThePayerAndReportsThatAccountingCanPay() {
        String slug = "d-" + UUID.randomUUID().toString().substring(0, 13);
        Tenant tenant = provisioning.provision(slug, "デモ " + slug, Region.asia);
        created.add(tenant.getId());
        provisioning.setPrivilegedAccounts(tenant.getId(), true);
        assertThat(tenants.callAsTenant(tenant.getId(), demo::seedIfEmpty)).isTrue();
        assertThat(tenants.callAsTenant(tenant.getId(), demo::seedIfEmpty)).as("seeded once").isFalse();
        assertThat(database.column("SELECT count(*)::text FROM bank_account WHERE tenant_id = ?", tenant.getId()))
                .containsExactly("4");

        UUID suzuki = UUID.fromString(database.single("SELECT id::text FROM member WHERE tenant_id = ? AND subject = 'suzuki'",
                tenant.getId()).orElseThrow());
        signIn.as(new SapphirePrincipal(tenant.getId(), slug, suzuki, "鈴木 一郎"), Role.EMPLOYEE, Role.ACCOUNTING);
        try {
            var pending = payments.pending(Payments.PendingFilter.none(), 0, 50);
            assertThat(pending.items()).extracting(u -> u.applicant(), u -> u.hasAccount())
                    .containsOnly(tuple("山田 太郎", true));
            assertThat(pending.total()).isEqualTo(2);
            LocalDate day = BankDays.onOrAfter(TestClock.today(TestClock.TOKYO).plusDays(2));
            var batch = payments.create(day, pending.items().stream().map(u -> u.report().getId()).toList());
            payments.export(batch.batch().getId(), null);
            String file = new String(payments.file(batch.batch().getId()), Charset.forName("Shift_JIS"));
            assertThat(file).startsWith("12101234567890ｻﾌｱｲｱﾃﾞﾓ(ｶ").contains("ﾔﾏﾀﾞ ﾀﾛｳ").contains("0000012870");
            assertThat(payments.markPaid(batch.batch().getId(), null).batch().getStatus().name()).isEqualTo("PAID");
        } finally {
            signIn.signOut();
        }
        assertThat(database.column("SELECT status FROM expense_report WHERE tenant_id = ? AND status = 'PAID'", tenant.getId()))
                .hasSize(2);
    }
}
