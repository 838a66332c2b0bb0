package jp.sapphire.actionlog.view;

import jakarta.ejb.EJB;
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
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FileDownload;
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
        try {
            ActionLog.Export export = actionLog.between(from, to);
            FileDownload.send("action-log-" + from + "-" + to + ".csv", StandardCharsets.UTF_8,
                    out -> actionLog.writeCsv(export, member.getLocale(), new OutputStreamWriter(out, StandardCharsets.UTF_8)));
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
