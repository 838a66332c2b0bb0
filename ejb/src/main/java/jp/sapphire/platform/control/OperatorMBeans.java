package jp.sapphire.platform.control;

import jakarta.ejb.EJBException;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.OperationsException;
import javax.management.StandardMBean;

/** The operators' JMX consoles: registered while the application runs, answering refusals as plain messages. */
public final class OperatorMBeans {

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
