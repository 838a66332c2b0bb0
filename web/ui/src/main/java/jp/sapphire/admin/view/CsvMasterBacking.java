package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.CsvImport;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.FileDownload;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * A master page of the admin console ({@code /WEB-INF/includes/csv-master.xhtml}): the master
 * exported as CSV in UTF-8 or Shift_JIS, and imported from it; a rejected import lists every bad
 * row and changes nothing. The master as the page lists it is read when the view opens and again
 * after an import.
 */
@ReadAgainAfterMove
public abstract class CsvMasterBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentMember member;

    private transient Part file;
    private String encoding = "UTF-8";

    /** The file name stem of an export, e.g. {@code categories}. */
    protected abstract String fileName();

    /** The master as CSV, its header in {@code locale}. */
    protected abstract byte[] export(Charset charset, Locale locale);

    protected abstract Masters.Imported importing(byte[] content, Charset charset);

    /** Reads the master as the page lists it. */
    protected abstract void read();

    @PostConstruct
    void opened() {
        read();
    }

    public void exportUtf8() throws IOException {
        download(StandardCharsets.UTF_8, "utf8");
    }

    public void exportShiftJis() throws IOException {
        download(Csv.SHIFT_JIS, "sjis");
    }

    private void download(Charset charset, String suffix) throws IOException {
        FileDownload.send(fileName() + "-" + suffix + ".csv", charset, export(charset, member.getLocale()));
    }

    public void upload() throws IOException {
        byte[] content;
        if (file == null) {
            content = new byte[0];
        } else {
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes(CsvImport.MAX_BYTES + 1);
            } finally {
                // The part belongs to the request that sent it; the view outlives it.
                file = null;
            }
        }
        try {
            Masters.Imported imported = importing(content, "Shift_JIS".equals(encoding) ? Csv.SHIFT_JIS : StandardCharsets.UTF_8);
            FacesProblems.confirm("admin.csv.imported", imported.added(), imported.changed());
            read();
        } catch (InvalidInputException invalid) {
            FacesContext faces = FacesContext.getCurrentInstance();
            var locale = faces.getViewRoot().getLocale();
            String rejected = Messages.text("sapphire.csv.rejected", locale);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, rejected, rejected));
            for (InputProblem problem : invalid.problems()) {
                String text = (problem.field().startsWith("row ")
                        ? Messages.text(InputProblem.of("", "sapphire.csv.row", "row", problem.field().substring(4)), locale) + " "
                        : "") + Messages.text(problem, locale);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            }
        }
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        read();
    }
}
