package jp.sapphire.notice.boundary;

import javax.management.OperationsException;

/**
 * The operators' change notices (whitepaper §12), as JMX operations on
 * {@code jp.sapphire:type=Notices} (through Liberty's REST connector, like the backup console).
 */
public interface NoticeOperationsMBean {

    /**
     * Announces a change to every tenant: kind {@code BUG_FIX}, {@code FEATURE} or {@code OTHER}, a
     * title, a technical description, and the time it is scheduled for (ISO-8601 with offset, e.g.
     * {@code 2026-12-05T22:00+09:00}); answers the notice's id.
     */
    String publishChangeNotice(String kind, String title, String description, String at) throws OperationsException;

    /** Marks a notice applied. */
    String markApplied(String id) throws OperationsException;

    /** Marks a notice cancelled. */
    String cancelChangeNotice(String id) throws OperationsException;

    /** One line per notice: id, kind, scheduled time (UTC), status, title. */
    String[] listChangeNotices() throws OperationsException;
}
