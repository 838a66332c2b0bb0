package jp.sapphire.notice.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.notice.boundary.ChangeNotices;
import jp.sapphire.notice.entity.ChangeNotice;
import jp.sapphire.platform.view.Formats;

/**
 * Change notices (whitepaper §12) for every signed-in member: one line each at the top of every
 * page while scheduled (and a few days after being applied), and all of them on
 * {@code /app/changes.xhtml}, times in the member's zone.
 */
@Named("changeNotices")
@RequestScoped
public class ChangeNoticesView {

    @EJB
    ChangeNotices notices;

    @Inject
    Formats formats;

    @Inject
    CurrentMember member;

    private List<String> texts;
    private List<ChangeNotice> all;

    public List<String> getTexts() {
        if (texts == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
            texts = notices.current().stream().map(notice -> MessageFormat.format(
                    bundle.getString("notice.change." + notice.getStatus()), getWhen(notice),
                    bundle.getString("changes.kind." + notice.getKind()), notice.getTitle())).toList();
        }
        return texts;
    }

    public List<ChangeNotice> getAll() {
        if (all == null) {
            all = notices.all();
        }
        return all;
    }

    /** The scheduled time in the member's zone, naming the zone. */
    public String getWhen(ChangeNotice notice) {
        return formats.dateTime(notice.getScheduledAt()) + " (" + member.getZone().getId() + ")";
    }
}
