package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
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

    /** The same 30 days as CSV. */
    public void download() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        LocalDate today = member.today();
        byte[] csv = administration.activityCsv(today.minusDays(30), today, member.getZone());
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"privileged-activity-" + today + ".csv\"");
        external.setResponseHeader("Cache-Control", "private, no-store");
        external.getResponseOutputStream().write(csv);
        faces.responseComplete();
    }

    public List<PrivilegedActivity> getEntries() {
        if (entries == null) {
            LocalDate today = member.today();
            entries = administration.activity(today.minusDays(30), today, member.getZone());
        }
        return entries;
    }
}
