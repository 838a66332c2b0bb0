package jp.sapphire.admin.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.CsvImport;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.view.FacesProblems;

/**
 * A master page of the admin console ({@code /WEB-INF/includes/csv-master.xhtml}): the master
 * exported as CSV in UTF-8 or Shift_JIS, and imported from it; a rejected import lists every bad
 * row and changes nothing.
 */
public abstract class CsvMasterBacking {

    private Part file;
    private String encoding = "UTF-8";

    /** The file name stem of an export, e.g. {@code categories}. */
    protected abstract String fileName();

    protected abstract byte[] export(Charset charset);

    protected abstract Masters.Imported importing(byte[] content, Charset charset);

    public void exportUtf8() throws IOException {
        download(StandardCharsets.UTF_8, "utf8");
    }

    public void exportShiftJis() throws IOException {
        download(Csv.SHIFT_JIS, "sjis");
    }

    private void download(Charset charset, String suffix) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        byte[] csv = export(charset);
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=" + (charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS"));
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName() + "-" + suffix + ".csv\"");
        external.setResponseHeader("Cache-Control", "private, no-store");
        external.getResponseOutputStream().write(csv);
        faces.responseComplete();
    }

    public void upload() throws IOException {
        byte[] content;
        if (file == null) {
            content = new byte[0];
        } else {
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes(CsvImport.MAX_BYTES + 1);
            }
        }
        try {
            Masters.Imported imported = importing(content, "Shift_JIS".equals(encoding) ? Csv.SHIFT_JIS : StandardCharsets.UTF_8);
            FacesProblems.confirm("admin.csv.imported", imported.added(), imported.changed());
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
}
