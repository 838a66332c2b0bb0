package jp.sapphire.notification.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.notification.boundary.Notifications;
import jp.sapphire.notification.entity.Notification;
import jp.sapphire.notification.entity.NotificationKind;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/notifications.xhtml}: the member's notifications, newest first, each in their
 * language; opening one marks it read and shows its report (on the approver's page for a report
 * waiting for them).
 */
@Named("notificationsPage")
@ViewScoped
@ReadAgainAfterMove
public class NotificationsBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    Notifications notifications;

    @Inject
    CurrentMember member;

    private transient List<Notification> mine;
    private final Map<UUID, String> texts = new HashMap<>();

    /** The notifications and their texts, read once for the view and again when all are marked read. */
    @PostConstruct
    void load() {
        mine = notifications.mine();
        texts.clear();
        mine.forEach(notification -> texts.put(notification.getId(),
                notifications.text(notification, member.getLocale())));
    }

    public List<Notification> getMine() {
        return mine;
    }

    public String text(Notification notification) {
        return texts.get(notification.getId());
    }

    public String open(UUID id, NotificationKind kind) {
        try {
            UUID report = notifications.open(id);
            if (kind == NotificationKind.ESCALATED) {
                // The approver's manager is told about the report, not shown it (docs/APPROVAL.md).
                load();
                return null;
            }
            String page = kind.forApprovers() ? "/app/approvals/report" : "/app/reports/edit";
            return page + "?faces-redirect=true&id=" + report;
        } catch (NotFoundException gone) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            return null;
        }
    }

    public void markAllRead() {
        notifications.markAllRead();
        load();
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        load();
    }
}
