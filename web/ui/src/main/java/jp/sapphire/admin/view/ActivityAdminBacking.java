package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.admin.entity.PrivilegedActivity;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.view.FileDownload;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/** {@code /app/admin/activity.xhtml}: the privileged activity (特権操作) of the last 30 days, newest first. */
@Named("activityAdmin")
@ViewScoped
@ReadAgainAfterMove
public class ActivityAdminBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantAdministration administration;

    @Inject
    CurrentMember member;

    private transient List<PrivilegedActivity> entries;

    /** The 30 days up to today where the administrator is, read once for the view. */
    @PostConstruct
    void load() {
        LocalDate today = member.today();
        entries = administration.activity(today.minusDays(30), today, member.getZone());
    }

    /** The same 30 days as CSV, as they stand when it is asked for. */
    public void download() throws IOException {
        LocalDate today = member.today();
        FileDownload.send("privileged-activity-" + today + ".csv", StandardCharsets.UTF_8,
                administration.activityCsv(today.minusDays(30), today, member.getZone(), member.getLocale()));
    }

    public List<PrivilegedActivity> getEntries() {
        return entries;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        load();
    }
}
