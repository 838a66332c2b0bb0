package jp.sapphire.incident.boundary;

import javax.management.OperationsException;

/**
 * The operators' incident reports (whitepaper §19), as JMX operations on
 * {@code jp.sapphire:type=Incidents} (through Liberty's REST connector, like the backup console).
 */
public interface IncidentOperationsMBean {

    /**
     * Opens an incident with its first notice: category {@code OUTAGE}, {@code BREACH} or
     * {@code VULNERABILITY}; when it was detected (ISO-8601 with offset); the affected tenants'
     * ids, comma-separated, or {@code *} for every tenant; the data affected (required for a
     * breach, may be empty otherwise); the notice. Answers the incident's id and when its first
     * notice was due.
     */
    String openIncident(String category, String title, String detectedAt, String tenants, String dataScope, String message)
            throws OperationsException;

    /** Posts a notice of progress to the affected tenants. */
    String postIncidentUpdate(String id, String message) throws OperationsException;

    /** Posts the resolution and closes the incident. */
    String resolveIncident(String id, String message) throws OperationsException;

    /** One line per incident: id, category, detected, first notice due and sent (LATE if after), status, title. */
    String[] listIncidents() throws OperationsException;
}
