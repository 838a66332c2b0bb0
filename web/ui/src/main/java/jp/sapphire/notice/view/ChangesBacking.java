package jp.sapphire.notice.view;

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
import jp.sapphire.notice.boundary.ChangeNotices;
import jp.sapphire.notice.entity.ChangeNotice;
import jp.sapphire.platform.view.Formats;

/**
 * {@code /app/changes.xhtml}: every change notice (変更のお知らせ, whitepaper §12), and for every
 * page the banner with one line each while a change is scheduled (and a few days after it was
 * applied), times in the member's zone. The banner's lines are read for each request that shows a
 * page, the whole list only by the changes page's f:viewAction.
 */
@Named("changeNotices")
@RequestScoped
public class ChangesBacking {

    @EJB
    ChangeNotices notices;

    @Inject
    Formats formats;

    @Inject
    CurrentMember member;

    private List<String> texts;
    private List<ChangeNotice> all = List.of();

    /** The banner's lines, in the member's language. */
    @PostConstruct
    void banner() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        texts = notices.current().stream().map(notice -> MessageFormat.format(
                bundle.getString("notice.change." + notice.getStatus()), getWhen(notice),
                bundle.getString("changes.kind." + notice.getKind()), notice.getTitle())).toList();
    }

    /** f:viewAction of the changes page. */
    public void load() {
        all = notices.all();
    }

    public List<String> getTexts() {
        return texts;
    }

    public List<ChangeNotice> getAll() {
        return all;
    }

    /** The scheduled time in the member's zone, naming the zone. */
    public String getWhen(ChangeNotice notice) {
        return formats.dateTime(notice.getScheduledAt()) + " (" + member.getZone().getId() + ")";
    }
}
