package jp.sapphire.operations.control;

import jakarta.ejb.EJBException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.OperationsException;
import javax.management.StandardMBean;

/** The operators' JMX consoles: registered while the application runs, answering refusals as plain messages. */
public final class OperatorMBeans {

    private static final System.Logger LOG = System.getLogger(OperatorMBeans.class.getName());

    private OperatorMBeans() {
    }

    /** Registers {@code implementation} under {@code name} as an MBean of {@code type}, replacing a stale one. */
    public static <T> void register(T implementation, Class<T> type, String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName objectName = new ObjectName(name);
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(new StandardMBean(implementation, type), objectName);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot register " + name, e);
        }
    }

    public static void unregister(String name) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(name));
        } catch (JMException e) {
            // already gone
        }
    }

    /**
     * Who acts, for the audit log, in an operator's call of a console: {@code operator:<name>} of
     * the operator's own account, as Liberty's JMX REST connector authenticated it (Liberty's
     * {@code WSSubject}, looked up by name so the module needs no Liberty API to compile);
     * {@code operator:unknown} when the call came some other way.
     */
    public static String operator() {
        try {
            Object name = Class.forName("com.ibm.websphere.security.auth.WSSubject").getMethod("getCallerPrincipal")
                    .invoke(null);
            return "operator:" + (name == null ? "unknown" : name);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "The operator's name is not known: " + e);
            return "operator:unknown";
        }
    }

    /** A time an operator typed: ISO-8601 with an offset, so it is never read in the server's zone by mistake. */
    public static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("The time must be ISO-8601 with an offset, e.g. 2026-12-05T22:00+09:00: " + text);
        }
    }

    /** Runs an operation; a refusal reaches the JMX client as its message alone, never a stack of EJB wrappers. */
    public static <T> T answer(Supplier<T> operation) throws OperationsException {
        try {
            return operation.get();
        } catch (Refused refused) {
            throw new OperationsException(refused.getMessage());
        } catch (EJBException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new OperationsException(cause.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new OperationsException(e.getMessage());
        }
    }
}
