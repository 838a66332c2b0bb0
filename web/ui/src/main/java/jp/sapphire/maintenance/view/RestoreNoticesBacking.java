package jp.sapphire.maintenance.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.maintenance.boundary.Maintenance;
import jp.sapphire.platform.view.Formats;

/**
 * The restore notices a signed-in member sees at the top of every page, in their zone and
 * language: those of the whole system, and those of a restore of their own tenant only.
 */
@Named("restoreNotices")
@RequestScoped
public class RestoreNoticesBacking {

    @EJB
    Maintenance maintenance;

    @Inject
    Formats formats;

    @Inject
    CurrentMember member;

    private List<String> texts;

    /** Read once for the request whose page shows them. */
    @PostConstruct
    void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        UUID tenant = member.isSignedIn() ? member.getPrincipal().tenantId() : null;
        texts = maintenance.notices().stream().filter(notice -> tenant != null && notice.concerns(tenant))
                .map(notice -> MessageFormat.format(bundle.getString(key(notice)),
                        formats.dateTime(notice.scheduledAt()) + " (" + member.getZone().getId() + ")",
                        formats.dateTime(notice.dataAsOf()), notice.reason()))
                .toList();
    }

    private static String key(Maintenance.Notice notice) {
        String kind = notice.tenant() != null ? "notice.restore.tenant" : "notice.restore";
        return notice.carriedOutAt() != null ? kind + ".done" : notice.emergency() ? kind + ".emergency" : kind;
    }

    public List<String> getTexts() {
        return texts;
    }
}
