package jp.sapphire.backup.boundary;

import javax.management.OperationsException;

/**
 * The operators' backup console, as JMX operations on {@code jp.sapphire:type=Backups}: reached
 * through Liberty's REST connector by an administrator, or a local JMX client. Answers are text
 * for people; a failure is an {@link OperationsException} (a JDK class, so every JMX client can
 * read it) whose message names the generation and chunk.
 */
public interface BackupOperationsMBean {

    /** One line per kept generation: number, kind, base, time (UTC), location, rows, bytes, status. */
    String[] listGenerations() throws OperationsException;

    /** Runs a backup now; answers the new generation's line. */
    String backupNow() throws OperationsException;

    /** Verifies a generation and its chain. */
    String verify(long generation) throws OperationsException;

    /** Restores a generation into the scratch database. */
    String restoreDrill(long generation) throws OperationsException;

    /** Restores one tenant (by its slug) to a generation in the live database, as its notice announced. */
    String restoreTenant(String tenantSlug, long generation) throws OperationsException;

    /**
     * Announces to one tenant (its members' pages, and mail to its administrators) that its data
     * will be restored to a generation at a time (ISO-8601 with offset), and why.
     */
    String publishTenantRestoreNotice(String tenantSlug, long generation, String at, String reason)
            throws OperationsException;

    /**
     * Announces to every tenant (every page, and mail to their administrators) that the whole
     * system will be restored to a generation at a time (ISO-8601 with offset, e.g.
     * {@code 2026-11-28T02:00+09:00}), and why.
     */
    String publishRestoreNotice(long generation, String at, String reason) throws OperationsException;

    /** Restores the whole live database to a generation whose notice was published in time, in maintenance mode. */
    String restoreLive(long generation) throws OperationsException;

    /** Publishes an emergency notice, sends its mail, then restores the whole live database. */
    String restoreLiveEmergency(long generation, String reason) throws OperationsException;

    /** Every server shows the maintenance page until {@link #endMaintenance}. */
    String beginMaintenance(String reason) throws OperationsException;

    String endMaintenance() throws OperationsException;

    /**
     * Point-in-time recovery (pgBackRest on the database host): a base backup of {@code type}
     * (full, diff, incr, or empty for the daily choice) and the repository verified, recorded as
     * the daily job is.
     */
    String pitrBackup(String type) throws OperationsException;

    /** Every file of the point-in-time repository checked; its errors if any. */
    String pitrVerify() throws OperationsException;

    /** The base backups and the window in which any moment can be restored (UTC). */
    String[] pitrRecoveryPoints() throws OperationsException;

    /** Restores a scratch cluster on the database host to a moment (ISO-8601 with offset) and starts it. */
    String pitrDrill(String at) throws OperationsException;

    /**
     * Announces to every tenant that the whole system will be restored to the moment {@code to} at
     * {@code at} (both ISO-8601 with offset), and why; the moment must lie in the recovery window.
     */
    String publishPointInTimeRestoreNotice(String to, String at, String reason) throws OperationsException;

    /** Restores the live cluster to the moment a notice announced, in maintenance mode. */
    String restoreLivePointInTime(String to) throws OperationsException;
}
