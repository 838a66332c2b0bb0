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

    /** Who acts, in the audit log, when an operator calls a console. */
    public static final String OPERATOR = "operator:jmx";

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
        } catch (EJBException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new OperationsException(cause.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new OperationsException(e.getMessage());
        }
    }
}
