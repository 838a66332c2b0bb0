/**
 * Maintenance mode and the restore notices every server shows: the one place their state is read
 * and written. Operators' consoles (backups) write it; the mail outbox, the pages and the API read it.
 */
package jp.sapphire.maintenance.boundary;
