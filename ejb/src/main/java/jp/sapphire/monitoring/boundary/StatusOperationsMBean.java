package jp.sapphire.monitoring.boundary;

import javax.management.OperationsException;

/**
 * The service's state and its alerts for the operators, as JMX operations on
 * {@code jp.sapphire:type=Status} ({@code sapphire-admin status}, {@code sapphire-admin alert}).
 */
public interface StatusOperationsMBean {

    /** One screen: servers, schema, newest backup, open alerts, outbox, daily jobs, database, storage per tenant (top 10). */
    String[] status() throws OperationsException;

    /** Every open alert: key, since when, what holds. */
    String[] alerts() throws OperationsException;

    /** Evaluates the alerts now, as the timer does; answers what was raised, mailed again and cleared. */
    String evaluateAlerts() throws OperationsException;

    /** Every threshold: name=value, and whether an operator set it or it is the configured default. */
    String[] thresholds() throws OperationsException;

    /** Sets a threshold (ISO-8601 duration or whole number, by the threshold), e.g. backup.max-age PT26H, tenant.plan-bytes.acme 1073741824. */
    String setThreshold(String name, String value) throws OperationsException;

    /** Returns a threshold to its configured default. */
    String resetThreshold(String name) throws OperationsException;
}
