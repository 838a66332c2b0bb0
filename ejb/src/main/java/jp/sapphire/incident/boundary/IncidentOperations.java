package jp.sapphire.incident.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.management.OperationsException;
import jp.sapphire.incident.entity.Incident;
import jp.sapphire.operations.control.OperatorConsole;
import jp.sapphire.operations.control.OperatorMBeans;

/** Registers {@link IncidentOperationsMBean} while the application runs; every call goes to {@link Incidents}. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IncidentOperations extends OperatorConsole<IncidentOperationsMBean> implements IncidentOperationsMBean {

    public static final String NAME = "jp.sapphire:type=Incidents";

    @EJB
    Incidents incidents;

    public IncidentOperations() {
        super(IncidentOperationsMBean.class, NAME);
    }

    @Override
    public String openIncident(String category, String title, String detectedAt, String tenants, String dataScope,
                               String message) throws OperationsException {
        return OperatorMBeans.answer(() -> {
            Instant detected = OperatorMBeans.instant(detectedAt);
            List<String> slugs = tenants == null || tenants.isBlank() ? null
                    : "*".equals(tenants.strip()) ? List.of()
                    : Arrays.stream(tenants.split(",")).map(String::strip).filter(slug -> !slug.isEmpty()).toList();
            if (slugs == null) {
                throw new IllegalArgumentException("Name the affected tenants (comma-separated ids), or * for every tenant.");
            }
            Incident incident = incidents.open(OperatorMBeans.operator(), category, title, detected, slugs, dataScope, message);
            return "incident " + incident.getId() + " first notice due " + incident.getNotifyBy();
        });
    }

    @Override
    public String postIncidentUpdate(String id, String message) throws OperationsException {
        return OperatorMBeans.answer(() -> "incident " + incidents.update(OperatorMBeans.operator(), parse(id), message).getId() + " updated");
    }

    @Override
    public String resolveIncident(String id, String message) throws OperationsException {
        return OperatorMBeans.answer(() -> "incident " + incidents.resolve(OperatorMBeans.operator(), parse(id), message).getId() + " resolved");
    }

    @Override
    public String[] listIncidents() throws OperationsException {
        return OperatorMBeans.answer(() -> incidents.list().toArray(String[]::new));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Not an incident id: " + id);
        }
    }
}
