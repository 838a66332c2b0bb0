package jp.sapphire.backup.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import jp.sapphire.maintenance.boundary.Maintenance.Notice;
import jp.sapphire.operations.control.Refused;

/**
 * Whitepaper §13: the provider restores after failures and tells the customers beforehand. A live
 * restore of a generation — of the whole system, or of one tenant — needs a published notice of
 * that restore naming the generation, at least {@code lead} old (unless it was an emergency
 * notice), whose announced time has come.
 */
public final class RestoreNoticeRules {

    private RestoreNoticeRules() {
    }

    /**
     * The generation number of a notice that announces a restore to a moment (point-in-time
     * recovery, docs/BACKUP.md) rather than to a generation; its {@code dataAsOf} is the moment.
     */
    public static final long POINT_IN_TIME = 0;

    /**
     * The notice that allows restoring {@code generation} now, of the whole system ({@code tenant}
     * null) or of one tenant; refused with the reason if none does.
     */
    public static Notice noticeFor(List<Notice> notices, UUID tenant, long generation, Duration lead, Instant now) {
        Notice notice = notices.stream()
                .filter(n -> n.generation() == generation && n.carriedOutAt() == null && Objects.equals(n.tenant(), tenant))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new Refused(tenant == null
                        ? "No restore notice names generation " + generation + ": publish one (publishRestoreNotice) at least "
                                + lead + " ahead, or use the emergency restore."
                        : "No restore notice to this tenant names generation " + generation
                                + ": publish one (publishTenantRestoreNotice) at least " + lead + " ahead."));
        return inTime(notice, "generation " + generation, lead, now);
    }

    /** The notice that allows restoring the whole system to the moment {@code to} now; refused with the reason if none does. */
    public static Notice noticeForMoment(List<Notice> notices, Instant to, Duration lead, Instant now) {
        Notice notice = notices.stream()
                .filter(n -> n.generation() == POINT_IN_TIME && to.equals(n.dataAsOf()) && n.carriedOutAt() == null && n.tenant() == null)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new Refused("No restore notice names the moment " + to + ": publish one (publishPointInTimeRestoreNotice)"
                        + " at least " + lead + " ahead."));
        return inTime(notice, "the moment " + to, lead, now);
    }

    private static Notice inTime(Notice notice, String target, Duration lead, Instant now) {
        if (!notice.emergency() && notice.publishedAt().plus(lead).isAfter(now)) {
            throw new Refused("The restore notice for " + target + " was published at "
                    + notice.publishedAt() + "; a live restore may start " + lead + " after that, at "
                    + notice.publishedAt().plus(lead) + ".");
        }
        if (notice.scheduledAt().isAfter(now)) {
            throw new Refused("The restore notice for " + target + " announces it for "
                    + notice.scheduledAt() + ", which has not come yet.");
        }
        return notice;
    }

    /** A notice's reason: 1 to 1000 characters, stripped. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new Refused("A restore notice needs a reason of 1 to 1000 characters.");
        }
        return reason.strip();
    }
}
