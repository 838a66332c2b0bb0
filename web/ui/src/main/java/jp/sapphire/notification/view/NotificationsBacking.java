package jp.sapphire.notification.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.notification.boundary.Notifications;
import jp.sapphire.notification.entity.Notification;
import jp.sapphire.notification.entity.NotificationKind;
import jp.sapphire.platform.control.NotFoundException;

/**
 * {@code /app/notifications.xhtml}: the member's notifications, newest first; opening one marks it
 * read and shows its report (on the approver's page for a report waiting for them).
 */
@Named("notificationsPage")
@RequestScoped
public class NotificationsBacking {

    @EJB
    Notifications notifications;

    @Inject
    CurrentMember member;

    private List<Notification> mine;

    public List<Notification> getMine() {
        if (mine == null) {
            mine = notifications.mine();
        }
        return mine;
    }

    public String text(Notification notification) {
        return notifications.text(notification, member.getLocale());
    }

    public String open(UUID id, NotificationKind kind) {
        try {
            UUID report = notifications.open(id);
            String page = kind == NotificationKind.PENDING ? "/app/approvals/report" : "/app/reports/edit";
            return page + "?faces-redirect=true&id=" + report;
        } catch (NotFoundException gone) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            return null;
        }
    }

    public void markAllRead() {
        notifications.markAllRead();
        mine = null;
    }
}
