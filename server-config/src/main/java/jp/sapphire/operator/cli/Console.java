package jp.sapphire.operator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.OperationsException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The operators' consoles of one SAPPHIRE server, reached through Liberty's JMX REST connector on
 * its management endpoint with the operator's own account, over TLS with the server's certificate
 * trusted from a trust store. One connection per command.
 */
final class Console implements AutoCloseable {

    /** The server said no, and why (an {@link OperationsException} of a console). */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    private final JMXConnector connector;

    private Console(JMXConnector connector) {
        this.connector = connector;
    }

    static Console connect(Connection connection) throws IOException, GeneralSecurityException {
        Map<String, Object> environment = new HashMap<>();
        environment.put("jmx.remote.protocol.provider.pkgs", "com.ibm.ws.jmx.connector.client");
        environment.put(JMXConnector.CREDENTIALS, new String[] {connection.user(), connection.password()});
        environment.put("com.ibm.ws.jmx.connector.client.CUSTOM_SSLSOCKETFACTORY", tls(connection).getSocketFactory());
        environment.put("com.ibm.ws.jmx.connector.client.disableURLHostnameVerification", !connection.checkHostname());
        environment.put("com.ibm.ws.jmx.connector.client.readTimeout", 300_000);
        JMXServiceURL url = new JMXServiceURL("REST", connection.host(), connection.port(), "/IBMJMXConnectorREST");
        return new Console(JMXConnectorFactory.connect(url, environment));
    }

    /** Calls an operation of a console; numbers go as long, everything else as text. */
    Object call(String console, String operation, Object... arguments) throws Refusal, IOException {
        String[] signature = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            signature[i] = arguments[i] instanceof Long ? "long" : String.class.getName();
        }
        try {
            return connector.getMBeanServerConnection().invoke(new ObjectName("jp.sapphire:type=" + console), operation,
                    arguments, signature);
        } catch (MBeanException e) {
            if (e.getTargetException() instanceof OperationsException refused) {
                throw new Refusal(refused.getMessage());
            }
            throw new IOException(e.getTargetException() == null ? e.toString() : e.getTargetException().toString(), e);
        } catch (JMException e) {
            throw new IOException(e.toString(), e);
        }
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }

    private static SSLContext tls(Connection connection) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(connection.trustStore())) {
            trusted.load(in, connection.trustStorePassword().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    /** Where and as whom to connect. */
    record Connection(String host, int port, String user, String password, Path trustStore, String trustStorePassword,
                      boolean checkHostname) {
    }
}
