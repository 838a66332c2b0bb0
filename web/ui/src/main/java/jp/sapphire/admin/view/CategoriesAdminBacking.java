package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.view.FacesProblems;

/**
 * {@code /app/admin/categories.xhtml}: the expense categories (勘定科目), exported and imported as
 * CSV in UTF-8 or Shift_JIS; a rejected import lists every bad row and changes nothing.
 */
@Named("categoriesAdmin")
@RequestScoped
public class CategoriesAdminBacking {

    @EJB
    Masters masters;

    private Part file;
    private String encoding = "UTF-8";

    public List<ExpenseCategory> getCategories() {
        return masters.categories();
    }

    public void exportUtf8() throws IOException {
        download(StandardCharsets.UTF_8, "utf8");
    }

    public void exportShiftJis() throws IOException {
        download(Csv.SHIFT_JIS, "sjis");
    }

    private void download(Charset charset, String suffix) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        byte[] csv = masters.exportCategories(charset);
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=" + (charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS"));
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"categories-" + suffix + ".csv\"");
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
                content = in.readNBytes(Masters.MAX_BYTES + 1);
            }
        }
        try {
            Masters.Imported imported = masters.importCategories(content,
                    "Shift_JIS".equals(encoding) ? Csv.SHIFT_JIS : StandardCharsets.UTF_8);
            FacesProblems.confirm("admin.categories.imported", imported.added(), imported.changed());
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
