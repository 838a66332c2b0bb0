package jp.sapphire.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.BiFunction;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.notification.control.MailQueued;
import jp.sapphire.notification.control.NotificationTexts;
import jp.sapphire.notification.entity.OutboxMail;

/**
 * Tells the current tenant's administrators (the members who held {@code TENANT_ADMIN} at their
 * last sign-in) by e-mail what the provider announces — a restore of the whole system, a change
 * to SAPPHIRE — worded in each one's language and zone. The mail leaves through the outbox like
 * every other.
 */
@Stateless
public class AdminAnnouncements {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Event<MailQueued> mailQueued;

    @Inject
    Clock clock;

    /**
     * Answers how many were told. In a transaction of its own: the callers (provider paths) hold
     * the provider's database, and the mail goes into the tenant's outbox.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int announce(BiFunction<Locale, ZoneId, NotificationTexts.Mail> wording) {
        int told = 0;
        for (Member admin : em.createQuery("SELECT m FROM Member m WHERE m.active = true AND m.roles LIKE :role"
                        + " AND m.email IS NOT NULL", Member.class)
                .setParameter("role", "%" + Role.TENANT_ADMIN.name() + "%").getResultList()) {
            if (!admin.getRoles().contains(Role.TENANT_ADMIN)) {
                continue;
            }
            NotificationTexts.Mail mail = wording.apply(admin.getLocale(), zoneOf(admin));
            em.persist(new OutboxMail(admin.getEmail(), mail.subject(), mail.body(), clock.instant()));
            told++;
        }
        if (told > 0) {
            mailQueued.fire(new MailQueued());
        }
        return told;
    }

    private static ZoneId zoneOf(Member member) {
        return member.getTimeZone() == null ? ZoneId.of("Asia/Tokyo") : member.getTimeZone();
    }
}
