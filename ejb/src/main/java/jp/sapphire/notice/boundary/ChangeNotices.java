package jp.sapphire.notice.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.notice.entity.ChangeNotice;
import jp.sapphire.notification.control.NotificationTexts;
import jp.sapphire.notification.control.TenantAnnouncer;
import jp.sapphire.operations.control.Refused;

/**
 * Whitepaper §12, change management: operators announce a change that may affect availability —
 * its kind (bug fix, new feature, other), a technical description and when it is scheduled — to
 * every tenant (the 「変更のお知らせ」 page and the top of every page until it is settled, and an
 * e-mail to each tenant's administrators in their language and zone), then mark it applied or
 * cancelled. Operators reach it through JMX ({@code jp.sapphire:type=Notices}); members read it.
 */
@Stateless
public class ChangeNotices {

    /** How long after its time a settled notice still shows at the top of every page. */
    static final Duration SHOWN_AFTER = Duration.ofDays(3);

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Inject
    TenantAnnouncer announcer;

    @EJB
    SystemAudit audit;

    @Inject
    Clock clock;

    /** Publishes a notice and mails every active tenant's administrators; answers it. */
    public ChangeNotice publish(String operator, String kind, String title, String description, Instant at) {
        ChangeNotice.Kind parsed;
        try {
            parsed = ChangeNotice.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("The kind must be BUG_FIX, FEATURE or OTHER, not " + kind + ".");
        }
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new Refused("A change notice needs a title of 1 to 200 characters.");
        }
        if (description == null || description.isBlank() || description.strip().length() > 4000) {
            throw new Refused("A change notice needs a technical description of 1 to 4000 characters.");
        }
        Instant now = clock.instant();
        if (at == null || at.isBefore(now)) {
            throw new Refused("A change notice announces a time to come, not " + at + ".");
        }
        ChangeNotice notice = new ChangeNotice(parsed, title.strip(), description.strip(), at, now, operator);
        system.persist(notice);
        int told = announcer.tellEveryTenant((locale, zone) -> NotificationTexts.changeNotice(
                locale, zone, parsed.name(), notice.getTitle(), notice.getDescription(), at));
        audit.success(SystemEvent.CHANGE_NOTICE_PUBLISHED, null, operator,
                notice.getId() + " " + parsed + " \"" + notice.getTitle() + "\" at " + at + ", mailed to " + told + " administrators");
        return notice;
    }

    /** Marks a scheduled notice applied or cancelled. */
    public ChangeNotice settle(String operator, UUID id, ChangeNotice.Status outcome) {
        ChangeNotice notice = system.find(ChangeNotice.class, id);
        if (notice == null) {
            throw new Refused("No change notice " + id + ".");
        }
        if (notice.getStatus() != ChangeNotice.Status.SCHEDULED) {
            throw new Refused("Change notice " + id + " is already " + notice.getStatus() + ".");
        }
        notice.settle(outcome, clock.instant());
        audit.success(SystemEvent.CHANGE_NOTICE_SETTLED, null, operator, id + " " + outcome);
        return notice;
    }

    /** Every notice, the latest scheduled first. */
    public List<ChangeNotice> all() {
        return system.createNamedQuery(ChangeNotice.NEWEST_FIRST, ChangeNotice.class).setMaxResults(200).getResultList();
    }

    /** What the top of every page shows: notices still scheduled, and those settled in the last days. */
    public List<ChangeNotice> current() {
        Instant since = clock.instant().minus(SHOWN_AFTER);
        return all().stream().filter(notice -> notice.getStatus() == ChangeNotice.Status.SCHEDULED
                || notice.getStatusAt().isAfter(since) && notice.getStatus() == ChangeNotice.Status.APPLIED).toList();
    }
}
