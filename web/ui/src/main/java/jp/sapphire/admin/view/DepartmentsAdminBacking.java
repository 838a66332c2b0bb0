package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import jp.sapphire.admin.boundary.Masters;

/** {@code /app/admin/departments.xhtml}: departments (部門), their hierarchy and managers, as CSV. */
@Named("departmentsAdmin")
@ViewScoped
public class DepartmentsAdminBacking extends CsvMasterBacking {

    private static final long serialVersionUID = 1L;

    @EJB
    Masters masters;

    private transient List<Masters.DepartmentRow> departments;

    public List<Masters.DepartmentRow> getDepartments() {
        return departments;
    }

    @Override
    protected void read() {
        departments = masters.departmentRows();
    }

    @Override
    protected String fileName() {
        return "departments";
    }

    @Override
    protected byte[] export(Charset charset, Locale locale) {
        return masters.exportDepartments(charset, locale);
    }

    @Override
    protected Masters.Imported importing(byte[] content, Charset charset) {
        return masters.importDepartments(content, charset);
    }
}
