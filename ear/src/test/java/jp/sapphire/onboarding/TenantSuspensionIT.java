package jp.sapphire.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.AdminCli;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A suspended tenant (an unpaid bill, a customer's own request): its open browser sessions end
 * and its API tokens are refused at their next request, nobody of it can sign in, its data stays
 * as it was; another tenant notices nothing; resumed, its tokens work again and its members sign
 * in again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantSuspensionIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    private record Company(RemoteTenant tenant, String employee, Browser session, ApiClient api, String report) {
    }

    private static Company company() {
        String employee = "yamada-" + UUID.randomUUID().toString().substring(0, 8);
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of(), "EMPLOYEE:SUBJECT:" + employee);
        ApiClient api = ApiClient.signedIn(idp, tenant, employee);
        String report = ApiReports.draft(tenant, api, "停止前の申請", 1_200);
        return new Company(tenant, employee, SignInFlow.signedIn(idp, tenant, employee), api, report);
    }

    private static boolean inUse(Company company) {
        return company.session().get(SignInFlow.HOME).statusCode() == 200
                && company.api().get("/reports/" + company.report()).statusCode() == 200;
    }

    @Test
    void aSuspendedTenantIsRefusedAtItsNextRequestAndLetInAgainWhenResumed() {
        Company suspended = company();
        Company other = company();
        assertThat(inUse(suspended)).isTrue();
        String slug = suspended.tenant().slug();

        Map<String, Object> answer = AdminCli.run("--json", "tenant", "suspend", slug).json();
        assertThat(answer).containsEntry("status", "SUSPENDED");

        HttpResponse<String> page = suspended.session().get(SignInFlow.HOME);
        assertThat(page.statusCode()).as("the open session ends").isEqualTo(302);
        assertThat(Browser.location(page)).endsWith("/index.xhtml");
        assertThat(suspended.session().get(SignInFlow.HOME).statusCode()).as("and stays ended").isEqualTo(302);
        assertThat(suspended.api().get("/reports/" + suspended.report()).statusCode()).isEqualTo(401);
        assertThat(suspended.api().get("/me").statusCode()).isEqualTo(401);
        assertThat(Browser.location(new Browser().get(Browser.SECURE + "/t/" + slug + "/")))
                .as("nobody signs in").contains("reason=UNKNOWN_TENANT");
        assertThat(inUse(other)).as("another tenant notices nothing").isTrue();
        assertThat(Superuser.column("SELECT count(*)::text FROM expense_report WHERE tenant_id = ?", suspended.tenant().id()))
                .as("its data stays").containsExactly("1");
        assertThat(AdminCli.run("tenant", "show", slug).done()).contains("status: SUSPENDED").contains("reports: 1");
        assertThat(AdminCli.run("tenant", "suspend", slug).refused()).as("not twice").isNotBlank();

        assertThat(AdminCli.run("--json", "tenant", "resume", slug).json()).containsEntry("status", "ACTIVE");
        assertThat(suspended.api().get("/reports/" + suspended.report()).statusCode()).as("its tokens work again")
                .isEqualTo(200);
        Browser again = SignInFlow.signedIn(idp, suspended.tenant(), suspended.employee());
        assertThat(again.get(SignInFlow.HOME).statusCode()).as("its members sign in again").isEqualTo(200);
        assertThat(Superuser.column("SELECT event || ' ' || outcome || ' ' || actor FROM system_audit_log"
                + " WHERE tenant_ref = ? AND event IN ('TENANT_SUSPENDED', 'TENANT_RESUMED') ORDER BY id",
                suspended.tenant().id())).containsExactly("TENANT_SUSPENDED SUCCESS operator:" + OperatorJmx.OPERATOR,
                "TENANT_RESUMED SUCCESS operator:" + OperatorJmx.OPERATOR);
        assertThat(Superuser.column("SELECT detail FROM system_audit_log WHERE tenant_ref = ? AND event = 'ACCESS_REFUSED'",
                suspended.tenant().id())).anySatisfy(detail -> assertThat(detail).contains("the tenant suspended"));
    }
}
