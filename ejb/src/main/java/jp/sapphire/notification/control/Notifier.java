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
        String actor = signedIn.member().map(SapphirePrincipal::memberId).map(id -> em.find(Member.class, id))
                .map(Member::getDisplayName).orElse(null);
        tell(kind, report, recipients, actor, comment);
    }

    /** The same, naming who the text speaks of ({1}): for jobs, where nobody is signed in. */
    public void tell(NotificationKind kind, ExpenseReport report, Collection<UUID> recipients, String actor, String comment) {
        Instant now = clock.instant();
        Member applicant = em.find(Member.class, report.getOwnerId());
        var fields = new NotificationTexts.Fields(report.getTitle(), actor, applicant.getDisplayName(),
                report.getTotalYen(), link(kind, report.getId()), comment);
        boolean queued = false;
        for (UUID id : new LinkedHashSet<>(recipients)) {
            Member member = em.find(Member.class, id);
            if (member == null || !member.isActive()) {
                continue;
            }
            em.persist(new Notification(id, kind, report.getId(), report.getTitle(), actor, comment, now));
            queued |= queue(member, NotificationTexts.mail(kind, member.getLocale(), fields));
        }
        if (queued) {
            mailQueued.fire(new MailQueued());
        }
    }

    /** A notification in the app only, about a report (the mail, if any, says more than one thing). */
    public void notifyOnly(UUID memberId, NotificationKind kind, ExpenseReport report, String actor) {
        em.persist(new Notification(memberId, kind, report.getId(), report.getTitle(), actor, null, clock.instant()));
    }

    /** A worded e-mail to an active member with an address, through the outbox; answers whether one left. */
    public boolean mail(Member member, NotificationTexts.Mail mail) {
        boolean queued = member.isActive() && queue(member, mail);
        if (queued) {
            mailQueued.fire(new MailQueued());
        }
        return queued;
    }

    /** The page a member opens for a notification of this kind: the approver's page or the applicant's. */
    public String link(NotificationKind kind, UUID report) {
        return baseUrl + (kind.forApprovers() ? "/app/approvals/report.xhtml?id=" : "/app/reports/edit.xhtml?id=") + report;
    }

    /** The link to a member's approvals. */
    public String approvalsLink() {
        return baseUrl + "/app/approvals/index.xhtml";
    }

    private boolean queue(Member member, NotificationTexts.Mail mail) {
        if (member.getEmail() == null) {
            return false;
        }
        em.persist(new OutboxMail(member.getEmail(), mail.subject(), mail.body(), clock.instant()));
        return true;
    }
}
