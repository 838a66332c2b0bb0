package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.OperationsException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * An operator at the test server's JMX REST connector on its management endpoint, as a JMX client:
 * operator {@code alice} (or another of the test server's generated accounts) with her password,
 * the server's self-signed certificate trusted.
 */
public final class OperatorJmx {

    public static final String CONNECTOR = "/IBMJMXConnectorREST";
    /** The management endpoint of the sapphire-it server (server-config/src/test/liberty/arquillian.xml). */
    public static final int MANAGEMENT_PORT = Integer.getInteger("sapphire.it.management.port", 9645);
    public static final String MANAGEMENT = "https://localhost:" + MANAGEMENT_PORT;
    /** The operator the tests act as unless they say otherwise. */
    public static final String OPERATOR = "alice";

    private OperatorJmx() {
    }

    public static JMXConnector connect(String user, String password) throws IOException {
        Map<String, Object> environment = new HashMap<>();
        environment.put("jmx.remote.protocol.provider.pkgs", "com.ibm.ws.jmx.connector.client");
        environment.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        environment.put("com.ibm.ws.jmx.connector.client.disableURLHostnameVerification", Boolean.TRUE);
        environment.put("com.ibm.ws.jmx.connector.client.CUSTOM_SSLSOCKETFACTORY", Browser.testTls().getSocketFactory());
        environment.put("com.ibm.ws.jmx.connector.client.readTimeout", 120_000);
        return JMXConnectorFactory.connect(new JMXServiceURL("REST", "localhost", MANAGEMENT_PORT, CONNECTOR), environment);
    }

    /** Calls an operation of the backup MBean as the operator; numbers go as long, the rest as String. */
    public static Object backups(String operation, Object... arguments) throws Exception {
        return invoke("jp.sapphire:type=Backups", operation, arguments);
    }

    /** Calls an operation of the tenant MBean (deletions at contract end) as the operator. */
    public static Object tenants(String operation, Object... arguments) throws Exception {
        return invoke("jp.sapphire:type=Tenants", operation, arguments);
    }

    /** Calls an operation of the change notice MBean as the operator. */
    public static Object notices(String operation, Object... arguments) throws Exception {
        return invoke("jp.sapphire:type=Notices", operation, arguments);
    }

    /** Calls an operation of the incident MBean as the operator. */
    public static Object incidents(String operation, Object... arguments) throws Exception {
        return invoke("jp.sapphire:type=Incidents", operation, arguments);
    }

    /** Calls an operation of the status and alerts MBean as the operator. */
    public static Object status(String operation, Object... arguments) throws Exception {
        return invoke("jp.sapphire:type=Status", operation, arguments);
    }

    private static Object invoke(String mbean, String operation, Object... arguments) throws Exception {
        String[] signature = Arrays.stream(arguments).map(a -> a instanceof Long ? "long" : String.class.getName())
                .toArray(String[]::new);
        try (JMXConnector connector = connect(OPERATOR, password(OPERATOR))) {
            return connector.getMBeanServerConnection().invoke(new ObjectName(mbean), operation, arguments, signature);
        }
    }

    /** An operator's call as a test makes it. */
    @FunctionalInterface
    public interface Operation {
        Object call() throws Exception;
    }

    /** The call is refused, with an {@link OperationsException} saying this. */
    public static void assertRefused(Operation operation, String message) {
        assertThatThrownBy(operation::call).isInstanceOf(MBeanException.class)
                .satisfies(e -> assertThat(((MBeanException) e).getTargetException())
                        .isInstanceOf(OperationsException.class).hasMessageContaining(message));
    }

    /** An operator's generated password on the test server (server-config's local-secrets.sh). */
    public static String password(String operator) throws IOException {
        return Files.readString(Path.of(System.getProperty("arquillian.wlp.home"), "usr", "servers", "sapphire-it",
                "operators", operator + ".password")).strip();
    }
}
