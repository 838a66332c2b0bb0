package jp.sapphire.admin.view;

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

    public List<Incidents.Report> getReports() {
        if (reports == null) {
            reports = incidents.ofMyTenant();
        }
        return reports;
    }
}
