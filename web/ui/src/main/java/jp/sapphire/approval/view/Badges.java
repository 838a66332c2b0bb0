package jp.sapphire.approval.view;

import jakarta.annotation.PostConstruct;
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

    private long pending;
    private long unread;

    /** The header shows both counts, and only to a signed-in member. */
    @PostConstruct
    void count() {
        if (member.isSignedIn()) {
            pending = approvals.countPending();
            unread = notifications.unread();
        }
    }

    public long getPending() {
        return pending;
    }

    public long getUnread() {
        return unread;
    }
}
