package jp.sapphire.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
 * The operators' door as operators reach it — Liberty's JMX REST connector on the management
 * endpoint, each operator with an account of their own — and as nobody else does: not on the
 * customers' port, not with a wrong password (refused, audited, and locked after repeated tries),
 * not with a tenant's API token, and never a file of the server through the connector.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorDoorIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    private static final String CONNECTOR = OperatorJmx.CONNECTOR;

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void anOperatorRunsListsAndVerifiesABackupAndIsAuditedByName() throws Exception {
        try (JMXConnector connector = OperatorJmx.connect("alice", OperatorJmx.password("alice"))) {
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
        assertThat(Superuser.column("SELECT actor FROM system_audit_log WHERE event = 'BACKUP_VERIFIED' AND detail LIKE ?",
                "%generation %")).contains("operator:alice");
    }

    @Test
    void theConnectorAnswersOnlyOnTheManagementEndpoint() {
        for (String path : List.of(CONNECTOR, CONNECTOR + "/mbeans", CONNECTOR + "/file/" + encoded(serverFile("server.xml")))) {
            assertThat(new Browser().get(Browser.SECURE + path).statusCode()).as("customer port " + path).isEqualTo(404);
            assertThat(new Browser().get(Browser.PLAIN + path).statusCode()).as("customer port, plain " + path).isIn(301, 302, 404);
        }
        assertThat(new Browser().get(OperatorJmx.MANAGEMENT + CONNECTOR).statusCode()).as("no credentials").isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefusedAndAuditedUnderTheNameTried() {
        assertThat(basic(OperatorJmx.MANAGEMENT + CONNECTOR, "alice", "not-the-password").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> {
            try (JMXConnector connector = OperatorJmx.connect("alice", "not-the-password-either")) {
                connector.getMBeanServerConnection().getMBeanCount();
            }
        }).isInstanceOfAny(IOException.class, SecurityException.class);
        assertThat(Superuser.column("SELECT outcome || ' ' || actor || ' ' || detail FROM system_audit_log"
                + " WHERE event = 'OPERATOR_SIGN_IN' ORDER BY id DESC LIMIT 5"))
                .anyMatch(line -> line.startsWith("FAILURE operator:alice wrong user name or password"));
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws IOException {
        String password = OperatorJmx.password("bob");
        assertThat(basic(OperatorJmx.MANAGEMENT + CONNECTOR, "bob", password).statusCode()).as("bob gets in").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(basic(OperatorJmx.MANAGEMENT + CONNECTOR, "bob", "guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(basic(OperatorJmx.MANAGEMENT + CONNECTOR, "bob", password).statusCode()).as("locked").isEqualTo(401);
        assertThat(basic(OperatorJmx.MANAGEMENT + CONNECTOR, "alice", OperatorJmx.password("alice")).statusCode())
                .as("other operators are not locked").isEqualTo(200);
        assertThat(Superuser.column("SELECT detail FROM system_audit_log WHERE event = 'OPERATOR_SIGN_IN'"
                + " AND actor = 'operator:bob' ORDER BY id DESC LIMIT 1")).singleElement().asString()
                .startsWith("refused: locked after 5 failed logins");
    }

    @Test
    void theConnectorsFileServiceReadsNothingNotEvenForAnOperator() throws IOException {
        String password = OperatorJmx.password("alice");
        Path server = Path.of(System.getProperty("arquillian.wlp.home"), "usr", "servers", "sapphire-it");
        for (Path file : List.of(server.resolve("variables/sapphire.secrets.key"), server.resolve("variables/sapphire.backup.key"),
                server.resolve("resources/security/key.p12"), server.resolve("operators/registry.xml"),
                server.resolve("logs/messages.log"), server.resolve("server.xml"))) {
            HttpResponse<String> read = basic(OperatorJmx.MANAGEMENT + CONNECTOR + "/file/" + encoded(file.toString()), "alice",
                    password);
            assertThat(read.statusCode()).as(file.toString()).isNotEqualTo(200);
            if (Files.isRegularFile(file) && Files.size(file) > 8) {
                assertThat(read.body()).as(file.toString()).doesNotContain(Files.readString(file, StandardCharsets.ISO_8859_1)
                        .substring(0, 8));
            }
        }
    }

    @Test
    void aTenantAdministratorsTokenOrSessionCannotReachTheConnector() {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "TENANT_ADMIN:SUBJECT:admin", "EMPLOYEE:SUBJECT:admin");
        ApiClient admin = ApiClient.signedIn(idp, tenant, "admin");
        assertThat(admin.get("/me").statusCode()).isEqualTo(200);
        for (String base : List.of(Browser.SECURE, OperatorJmx.MANAGEMENT)) {
            for (String path : List.of(CONNECTOR, CONNECTOR + "/mbeans/jp.sapphire%3Atype%3DBackups/operations/backupNow")) {
                int status = new Browser().send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", admin.authorization()).GET()).statusCode();
                assertThat(status).as(base + path).isIn(401, 403, 404);
            }
        }
    }

    @Test
    void noUrlOfTheApplicationListsStartsOrRestoresABackup() {
        List<DeployedUrls.Endpoint> endpoints = DeployedUrls.of(Path.of(System.getProperty("sapphire.ear")));
        assertThat(endpoints).isNotEmpty();
        assertThat(endpoints).extracting(DeployedUrls.Endpoint::path)
                .noneMatch(path -> path.toLowerCase(java.util.Locale.ROOT).matches(".*(backup|restore|generation).*"));
    }

    private static HttpResponse<String> basic(String url, String user, String password) {
        return new Browser().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET());
    }

    private static String serverFile(String name) {
        return Path.of(System.getProperty("arquillian.wlp.home"), "usr", "servers", "sapphire-it", name).toString();
    }

    private static String encoded(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
