package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.admin.entity.PrivilegedActivity;
import jp.sapphire.identity.view.CurrentMember;

/** {@code /app/admin/activity.xhtml}: the privileged activity of the last 30 days, newest first. */
@Named("activityAdmin")
@RequestScoped
public class ActivityAdminBacking {

    @EJB
    TenantAdministration administration;

    @Inject
    CurrentMember member;

    private List<PrivilegedActivity> entries;

    public List<PrivilegedActivity> getEntries() {
        if (entries == null) {
            LocalDate today = LocalDate.now(member.getZone());
            entries = administration.activity(today.minusDays(30), today, member.getZone());
        }
        return entries;
    }
}
