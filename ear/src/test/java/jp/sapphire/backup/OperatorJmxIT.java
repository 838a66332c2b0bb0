package jp.sapphire.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.Browser;
import jp.sapphire.it.DeployedUrls;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The backup console as operators reach it — a JMX client through Liberty's REST connector with
 * the administrator's login — and as nobody else does: a wrong password, a tenant's API token or
 * any URL of the application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorJmxIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final String CONNECTOR = OperatorJmx.CONNECTOR;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void anOperatorRunsListsAndVerifiesABackupWithAJmxClient() throws Exception {
        try (JMXConnector connector = OperatorJmx.connect("operator", OperatorJmx.password())) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName backups = new ObjectName("jp.sapphire:type=Backups");

            String made = (String) server.invoke(backups, "backupNow", null, null);
            assertThat(made).matches("generation=\\d+ kind=(FULL|INCREMENTAL) .* location=asia rows=\\d+ bytes=\\d+ millis=\\d+");
            long generation = Long.parseLong(made.replaceAll("generation=(\\d+) .*", "$1"));
            String[] listed = (String[]) server.invoke(backups, "listGenerations", null, null);
            assertThat(listed).isNotEmpty().hasSizeLessThanOrEqualTo(7);
            assertThat(listed[listed.length - 1]).startsWith("generation=" + generation + " ").endsWith("status=OK");
            assertThat((String) server.invoke(backups, "verify", new Object[] {generation}, new String[] {"long"}))
                    .startsWith("generation " + generation + " is intact");
        }
    }

    @Test
    void aWrongPasswordGetsNoConnection() {
        assertThatThrownBy(() -> {
            try (JMXConnector connector = OperatorJmx.connect("operator", "not-the-password")) {
                connector.getMBeanServerConnection().getMBeanCount();
            }
        }).isInstanceOfAny(IOException.class, SecurityException.class);
    }

    @Test
    void aTenantAdministratorsTokenOrSessionCannotReachTheConnector() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "TENANT_ADMIN:SUBJECT:admin", "EMPLOYEE:SUBJECT:admin");
        ApiClient admin = ApiClient.signedIn(idp, tenant, "admin");
        assertThat(admin.get("/me").statusCode()).isEqualTo(200);
        for (String path : List.of(CONNECTOR, CONNECTOR + "/mbeans/jp.sapphire%3Atype%3DBackups/operations/backupNow")) {
            int status = new Browser().send(HttpRequest.newBuilder(URI.create(Browser.SECURE + path))
                    .header("Authorization", admin.authorization()).GET()).statusCode();
            assertThat(status).as(path).isIn(401, 403);
        }
    }

    @Test
    void noUrlOfTheApplicationListsStartsOrRestoresABackup() {
        List<DeployedUrls.Endpoint> endpoints = DeployedUrls.of(Path.of(System.getProperty("sapphire.ear")));
        assertThat(endpoints).isNotEmpty();
        assertThat(endpoints).extracting(DeployedUrls.Endpoint::path)
                .noneMatch(path -> path.toLowerCase(java.util.Locale.ROOT).matches(".*(backup|restore|generation).*"));
    }
}
