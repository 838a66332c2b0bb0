package jp.sapphire.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.notification.control.NotificationTexts;
import jp.sapphire.notification.entity.Notification;
import jp.sapphire.platform.control.NotFoundException;

/** The calling member's notifications (お知らせ): newest first, with an unread count. */
@Stateless
public class Notifications {

    public static final int LIST_SIZE = 50;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    @Inject
    Clock clock;

    public List<Notification> mine() {
        return em.createNamedQuery(Notification.OF_MEMBER, Notification.class)
                .setParameter("member", me())
                .setMaxResults(LIST_SIZE)
                .getResultList();
    }

    public long unread() {
        return em.createNamedQuery(Notification.UNREAD_COUNT, Long.class).setParameter("member", me()).getSingleResult();
    }

    /** Marks one of the caller's notifications read and answers the report it is about. */
    public UUID open(UUID id) {
        Notification notification = em.find(Notification.class, id);
        if (notification == null || !notification.getMemberId().equals(me())) {
            throw new NotFoundException("notification");
        }
        notification.markRead(clock.instant());
        return notification.getReportId();
    }

    public void markAllRead() {
        em.createQuery("UPDATE Notification n SET n.readAt = :now WHERE n.memberId = :member AND n.readAt IS NULL")
                .setParameter("now", clock.instant())
                .setParameter("member", me())
                .executeUpdate();
    }

    /** What the notification says, in a language. */
    public String text(Notification notification, Locale locale) {
        return NotificationTexts.text(notification.getKind(), locale, new NotificationTexts.Fields(
                notification.getReportTitle(), notification.getActorName(), null, 0, null, notification.getComment()));
    }

    private UUID me() {
        return signedIn.requireMember().memberId();
    }
}
