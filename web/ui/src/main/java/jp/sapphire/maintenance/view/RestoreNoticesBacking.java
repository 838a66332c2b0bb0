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
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.maintenance.boundary.Maintenance;
import jp.sapphire.platform.view.Formats;

/** The restore notices every signed-in member sees at the top of every page, in their zone and language. */
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
        texts = maintenance.notices().stream().map(notice -> MessageFormat.format(
                        bundle.getString(notice.carriedOutAt() != null ? "notice.restore.done"
                                : notice.emergency() ? "notice.restore.emergency" : "notice.restore"),
                        formats.dateTime(notice.scheduledAt()) + " (" + member.getZone().getId() + ")",
                        formats.dateTime(notice.dataAsOf()), notice.reason()))
                .toList();
    }

    public List<String> getTexts() {
        return texts;
    }
}
