package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import jp.sapphire.incident.boundary.Incidents;

/** {@code /app/admin/incidents.xhtml}: the incidents reported to this tenant (whitepaper §19), with every notice. */
@Named("incidentsAdmin")
@RequestScoped
public class IncidentsAdminBacking {

    @EJB
    Incidents incidents;

    private List<Incidents.Report> reports;

    /** The page has no form of its own: read once for the request that shows it. */
    @PostConstruct
    void load() {
        reports = incidents.ofMyTenant();
    }

    public List<Incidents.Report> getReports() {
        return reports;
    }
}
