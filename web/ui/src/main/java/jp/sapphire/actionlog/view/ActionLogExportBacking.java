package jp.sapphire.actionlog.view;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import jp.sapphire.actionlog.boundary.ActionLog;
import jp.sapphire.actionlog.control.ActionLogCsv;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;

/**
 * {@code /app/action-log.xhtml}: accounting and tenant administrators download the action log of
 * a period as CSV for Excel, times in their zone.
 */
@Named("actionLogExport")
@ViewScoped
public class ActionLogExportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ActionLog actionLog;

    @Inject
    CurrentMember member;

    private LocalDate from;
    private LocalDate to;

    public void download() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ActionLog.Export export = actionLog.between(from, to);
            ExternalContext external = faces.getExternalContext();
            external.responseReset();
            external.setResponseContentType(ActionLogCsv.CONTENT_TYPE);
            external.setResponseHeader("Content-Disposition", "attachment; filename=\"action-log-" + from + "-" + to + ".csv\"");
            external.setResponseHeader("Cache-Control", "private, no-store");
            ActionLogCsv.write(export.entries(), export.zone(), member.getLocale(),
                    new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8));
            faces.responseComplete();
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("from", "export:from", "to", "export:to"));
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
