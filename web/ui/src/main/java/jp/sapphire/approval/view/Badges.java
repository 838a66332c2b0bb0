package jp.sapphire.approval.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.notification.boundary.Notifications;

/** The counts in the header: reports waiting for the member, unread notifications. Read once per request. */
@Named("badges")
@RequestScoped
public class Badges {

    @EJB
    Approvals approvals;

    @EJB
    Notifications notifications;

    @Inject
    CurrentMember member;

    private Integer pending;
    private Long unread;

    public int getPending() {
        if (pending == null) {
            pending = member.isSignedIn() ? approvals.pending(Approvals.PendingFilter.none()).size() : 0;
        }
        return pending;
    }

    public long getUnread() {
        if (unread == null) {
            unread = member.isSignedIn() ? notifications.unread() : 0;
        }
        return unread;
    }
}
