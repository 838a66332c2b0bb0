/** The service's facts (backups, outbox, jobs, storage, memory, pools), the alert rules over them, the thresholds. */
package jp.sapphire.monitoring.control;
