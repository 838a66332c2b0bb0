package jp.sapphire.operations.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * An operators' JMX console: a startup singleton that is registered as an MBean of {@code type}
 * under {@code name} while the application runs (see {@link OperatorMBeans}).
 */
public abstract class OperatorConsole<T> {

    private final Class<T> type;
    private final String name;

    protected OperatorConsole(Class<T> type, String name) {
        this.type = type;
        this.name = name;
    }

    @PostConstruct
    void register() {
        OperatorMBeans.register(type.cast(this), type, name);
    }

    @PreDestroy
    void unregister() {
        OperatorMBeans.unregister(name);
    }
}
