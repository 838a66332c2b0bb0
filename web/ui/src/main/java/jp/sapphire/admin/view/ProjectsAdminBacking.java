package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.organization.entity.Project;

/** {@code /app/admin/projects.xhtml}: projects and cost centres as CSV. */
@Named("projectsAdmin")
@ViewScoped
public class ProjectsAdminBacking extends CsvMasterBacking {

    private static final long serialVersionUID = 1L;

    @EJB
    Masters masters;

    private transient List<Project> projects;

    public List<Project> getProjects() {
        return projects;
    }

    @Override
    protected void read() {
        projects = masters.projects();
    }

    @Override
    protected String fileName() {
        return "projects";
    }

    @Override
    protected byte[] export(Charset charset, Locale locale) {
        return masters.exportProjects(charset, locale);
    }

    @Override
    protected Masters.Imported importing(byte[] content, Charset charset) {
        return masters.importProjects(content, charset);
    }
}
