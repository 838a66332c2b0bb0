package jp.sapphire.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.notification.entity.Notification;
import jp.sapphire.notification.entity.NotificationKind;
import jp.sapphire.notification.entity.OutboxMail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells members about a report, inside the transaction of the change: a notification in the app
 * for each, and an e-mail in their language to each who has an address. The e-mail waits in the
 * outbox and leaves after the transaction commits, so a mail server that is down never holds up
 * or undoes the change.
 */
@ApplicationScoped
public class Notifier {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    @Inject
    Event<MailQueued> mailQueued;

    @Inject
    @ConfigProperty(name = "sapphire.ui.base-url")
    String baseUrl;

    @Inject
    Clock clock;

    public void tell(NotificationKind kind, ExpenseReport report, Collection<UUID> recipients, String comment) {
        Instant now = clock.instant();
        String actor = signedIn.member().map(SapphirePrincipal::memberId).map(id -> em.find(Member.class, id))
                .map(Member::getDisplayName).orElse(null);
        Member applicant = em.find(Member.class, report.getOwnerId());
        String page = kind == NotificationKind.PENDING ? "/app/approvals/report.xhtml?id=" : "/app/reports/edit.xhtml?id=";
        var fields = new NotificationTexts.Fields(report.getTitle(), actor, applicant.getDisplayName(),
                report.getTotalYen(), baseUrl + page + report.getId(), comment);
        boolean queued = false;
        for (UUID id : new LinkedHashSet<>(recipients)) {
            Member member = em.find(Member.class, id);
            if (member == null || !member.isActive()) {
                continue;
            }
            em.persist(new Notification(id, kind, report.getId(), report.getTitle(), actor, comment, now));
            if (member.getEmail() != null) {
                NotificationTexts.Mail mail = NotificationTexts.mail(kind, member.getLocale(), fields);
                em.persist(new OutboxMail(member.getEmail(), mail.subject(), mail.body(), now));
                queued = true;
            }
        }
        if (queued) {
            mailQueued.fire(new MailQueued());
        }
    }
}
