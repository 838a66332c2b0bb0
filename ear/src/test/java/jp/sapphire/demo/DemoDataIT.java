package jp.sapphire.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.sapphire.demo.boundary.DemoData;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.it.CreatedTenants;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SystemDatabase;
import jp.sapphire.it.TestSignIn;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.journal.boundary.Journals;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.payment.boundary.Payments;
import jp.sapphire.platform.control.BankDays;
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
 * pays them with a 全銀 file from the demo company's payer settings, and the paid reports book in
 * each accounting software's format.
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

    @EJB
    Journals journals;

    @Inject
    CreatedTenants created;

    @Inject
    TenantContext tenants;

    @Inject
    TestSignIn signIn;

    @Inject
    SystemDatabase database;

    private static List<String> lines(Journals.Export export) {
        return List.of(new String(export.content(), export.charset()).split("\r\n"));
    }

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

            // The paid reports book in each software's format: their approval and their payment.
            List<String> yayoi = lines(journals.batch(batch.batch().getId(), Software.YAYOI, null));
            assertThat(yayoi).hasSize(4);
            assertThat(yayoi).anySatisfy(line -> assertThat(line)
                    .contains("\"旅費交通費\",\"\",\"営業部\",\"課対仕入込10%適格\",\"4620\",\"420\",\"未払金\""));
            assertThat(yayoi.get(3)).contains("\"未払金\"").contains("\"普通預金\",\"三菱UFJ銀行\"");
            assertThat(lines(journals.batch(batch.batch().getId(), Software.FREEE, null))).hasSize(5)
                    .first().asString().contains("借方勘定科目");
            assertThat(lines(journals.batch(batch.batch().getId(), Software.MF, null))).hasSize(5)
                    .anySatisfy(line -> assertThat(line).contains("\"丸善\",\"課税仕入 10%\",\"適格\",\"8250\""));
            LocalDate today = TestClock.today(TestClock.TOKYO);
            List<String> approved = lines(journals.period(Software.YAYOI, Journals.Basis.APPROVED, today, today, null));
            assertThat(approved).as("山田's two reports and 佐藤's, which is paid").hasSize(3)
                    .anySatisfy(line -> assertThat(line).contains("\"消耗品費\"").contains("\"課対仕入込10%区分60%\",\"2200\",\"200\""));
            assertThat(lines(journals.period(Software.MF, Journals.Basis.PAID, today, today, null)))
                    .as("header and 佐藤's report, paid today; the batch pays on its transfer date").hasSize(2)
                    .last().asString().contains("佐藤 花子 11月 文具購入");
        } finally {
            signIn.signOut();
        }
        assertThat(database.column("SELECT status FROM expense_report WHERE tenant_id = ? AND status = 'PAID'", tenant.getId()))
                .as("the two of the batch and 佐藤's").hasSize(3);
    }
}
