package jp.sapphire.journal.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.journal.boundary.Journals;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.FileDownload;

/**
 * {@code /app/payments/journal.xhtml}: accounting downloads the journal (仕訳) of a period for its
 * accounting software — by approval date or by payment date — last month unless changed.
 */
@Named("journalExport")
@ViewScoped
public class JournalExportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of("from", "journal:from", "to", "journal:to",
            "charset", "journal:charset", "format", "journal:format", "basis", "journal:basis");

    @EJB
    Journals journals;

    @Inject
    CurrentMember member;

    private Software format = Software.YAYOI;
    private Journals.Basis basis = Journals.Basis.APPROVED;
    private LocalDate from;
    private LocalDate to;
    private String charset = "utf-8";

    @PostConstruct
    void lastMonth() {
        LocalDate first = member.today().withDayOfMonth(1);
        from = first.minusMonths(1);
        to = first.minusDays(1);
    }

    public void download() throws IOException {
        try {
            Journals.Export export = journals.period(format, basis, from, to, format == Software.FREEE ? charset : null);
            FileDownload.send(export.filename(), export.charset(), export.content());
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, FIELDS);
        } catch (Refusal refused) {
            FacesProblems.show(refused);
        }
    }

    public Software[] getFormats() {
        return Software.values();
    }

    public Journals.Basis[] getBases() {
        return Journals.Basis.values();
    }

    public Software getFormat() {
        return format;
    }

    public void setFormat(Software format) {
        this.format = format;
    }

    public Journals.Basis getBasis() {
        return basis;
    }

    public void setBasis(Journals.Basis basis) {
        this.basis = basis;
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

    public String getCharset() {
        return charset;
    }

    public void setCharset(String charset) {
        this.charset = charset;
    }
}
