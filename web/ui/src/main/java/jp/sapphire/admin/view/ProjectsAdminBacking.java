package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.Charset;
import java.util.List;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.organization.entity.Project;

/** {@code /app/admin/projects.xhtml}: projects and cost centres as CSV. */
@Named("projectsAdmin")
@RequestScoped
public class ProjectsAdminBacking extends CsvMasterBacking {

    @EJB
    Masters masters;

    public List<Project> getProjects() {
        return masters.projects();
    }

    @Override
    protected String fileName() {
        return "projects";
    }

    @Override
    protected byte[] export(Charset charset) {
        return masters.exportProjects(charset);
    }

    @Override
    protected Masters.Imported importing(byte[] content, Charset charset) {
        return masters.importProjects(content, charset);
    }
}
