import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A minimal operator's JMX client for the backup MBean through Liberty's REST connector, for the
 * benchmark and for operators trying things on a local server (self-signed certificate trusted):
 *
 *   java -cp <wlp>/clients/restConnector.jar bench/Jmx.java HOST:PORT USER PASSWORD OPERATION [ARG...]
 *
 * Numeric arguments are passed as long, others as String. Prints the answer, a line per element.
 */
public class Jmx {

    public static void main(String[] args) throws Exception {
        String[] hostPort = args[0].split(":");
        Map<String, Object> environment = new HashMap<>();
        environment.put("jmx.remote.protocol.provider.pkgs", "com.ibm.ws.jmx.connector.client");
        environment.put(JMXConnector.CREDENTIALS, new String[] {args[1], args[2]});
        environment.put("com.ibm.ws.jmx.connector.client.disableURLHostnameVerification", Boolean.TRUE);
        environment.put("com.ibm.ws.jmx.connector.client.CUSTOM_SSLSOCKETFACTORY", trustingContext().getSocketFactory());
        environment.put("com.ibm.ws.jmx.connector.client.readTimeout", 3_600_000);
        JMXServiceURL url = new JMXServiceURL("REST", hostPort[0], Integer.parseInt(hostPort[1]), "/IBMJMXConnectorREST");
        Object[] parameters = new Object[args.length - 4];
        String[] signature = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            String value = args[i + 4];
            boolean number = value.matches("\\d+");
            parameters[i] = number ? (Object) Long.valueOf(value) : value;
            signature[i] = number ? "long" : String.class.getName();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(url, environment)) {
            Object answer = connector.getMBeanServerConnection()
                    .invoke(new ObjectName("jp.sapphire:type=Backups"), args[3], parameters, signature);
            if (answer instanceof Object[] lines) {
                for (Object line : lines) {
                    System.out.println(line);
                }
            } else {
                System.out.println(answer);
            }
        }
    }

    private static SSLContext trustingContext() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
