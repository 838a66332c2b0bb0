package jp.sapphire.incident.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.incident.control.BusinessDays;
import jp.sapphire.incident.entity.Incident;
import jp.sapphire.incident.entity.IncidentUpdate;
import jp.sapphire.notification.control.NotificationTexts;
import jp.sapphire.notification.control.TenantAnnouncer;
import jp.sapphire.operations.control.Refused;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Tenant;

/**
 * Whitepaper §19, incident reports: operators open an incident (category, title, when it was
 * detected, the tenants it affects — all, or named ones for a breach — and for a breach the data
 * affected) with its first notice, post progress and the resolution. Each notice is mailed to
 * the affected tenants' administrators in their language and zone, and shown on their admin
 * console; no other tenant hears of it. The first notice is due by: an outage, at once; a breach,
 * at once (it is opened when its scope is known); a vulnerability, 5 business days after
 * detection. Operators reach it through JMX ({@code jp.sapphire:type=Incidents}).
 */
@Stateless
public class Incidents {

    /** An incident as a tenant's administrator reads it: the incident and every notice of it, oldest first. */
    public record Report(Incident incident, List<IncidentUpdate> updates) {

        // Jakarta EL 5 reads properties through getters only.

        public Incident getIncident() {
            return incident;
        }

        public List<IncidentUpdate> getUpdates() {
            return updates;
        }
    }

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Inject
    TenantContext tenants;

    @Inject
    TenantAnnouncer announcer;

    @EJB
    SystemAudit audit;

    @Inject
    Clock clock;

    /**
     * Opens an incident and posts its first notice; {@code tenantSlugs} empty means every tenant.
     * Answers the incident.
     */
    public Incident open(String operator, String category, String title, Instant detectedAt, List<String> tenantSlugs,
                         String dataScope, String message) {
        Incident.Category parsed;
        try {
            parsed = Incident.Category.valueOf(category == null ? "" : category.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("The category must be OUTAGE, BREACH or VULNERABILITY, not " + category + ".");
        }
        Instant now = clock.instant();
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new Refused("An incident needs a title of 1 to 200 characters.");
        }
        if (detectedAt == null || detectedAt.isAfter(now)) {
            throw new Refused("An incident is detected before it is opened, not at " + detectedAt + ".");
        }
        String scope = dataScope == null || dataScope.isBlank() ? null : dataScope.strip();
        if (parsed == Incident.Category.BREACH && scope == null) {
            throw new Refused("A breach is reported with the data it affects (data scope).");
        }
        if (scope != null && scope.length() > 2000) {
            throw new Refused("The data scope is 2000 characters at most.");
        }
        checkMessage(message);
        List<Tenant> affected = new ArrayList<>();
        for (String slug : tenantSlugs) {
            affected.add(system.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug.strip())
                    .getResultStream().findFirst().orElseThrow(() -> new Refused("No tenant " + slug + ".")));
        }
        Instant notifyBy = parsed == Incident.Category.VULNERABILITY ? BusinessDays.after(detectedAt, 5)
                : parsed == Incident.Category.OUTAGE ? detectedAt : now;
        Incident incident = new Incident(parsed, title.strip(), detectedAt, notifyBy, scope, affected.isEmpty(), now, operator);
        system.persist(incident);
        system.flush();
        for (Tenant tenant : affected) {
            system.createNativeQuery("INSERT INTO incident_tenant (incident_id, tenant_ref) VALUES (?, ?)")
                    .setParameter(1, incident.getId()).setParameter(2, tenant.getId()).executeUpdate();
        }
        int told = post(operator, incident, message, false);
        audit.success(SystemEvent.INCIDENT_OPENED, null, operator, incident.getId() + " " + parsed + " \"" + incident.getTitle()
                + "\", " + (affected.isEmpty() ? "every tenant" : affected.size() + " tenants") + ", first notice due " + notifyBy
                + ", mailed to " + told + " administrators");
        return incident;
    }

    /** Posts a notice of progress to the affected tenants. */
    public Incident update(String operator, UUID id, String message) {
        Incident incident = openIncident(id);
        checkMessage(message);
        int told = post(operator, incident, message, false);
        audit.success(SystemEvent.INCIDENT_UPDATED, null, operator, id + ", mailed to " + told + " administrators");
        return incident;
    }

    /** Posts the resolution and closes the incident. */
    public Incident resolve(String operator, UUID id, String message) {
        Incident incident = openIncident(id);
        checkMessage(message);
        incident.resolve(clock.instant());
        int told = post(operator, incident, message, true);
        audit.success(SystemEvent.INCIDENT_RESOLVED, null, operator, id + ", mailed to " + told + " administrators");
        return incident;
    }

    /** One line per incident for operators: id, category, detected, first notice due and when it went, status, title. */
    public List<String> list() {
        return system.createNamedQuery(Incident.NEWEST_FIRST, Incident.class).setMaxResults(200).getResultStream()
                .map(incident -> {
                    Instant first = updates(incident).get(0).getPostedAt();
                    return String.join(" ", incident.getId().toString(), incident.getCategory().name(),
                            "detected=" + incident.getDetectedAt(), "notifyBy=" + incident.getNotifyBy(), "notified=" + first
                                    + (first.isAfter(incident.getNotifyBy()) ? " (LATE)" : ""),
                            incident.getResolvedAt() == null ? "open" : "resolved=" + incident.getResolvedAt(), incident.getTitle());
                })
                .toList();
    }

    /** The incidents that affect the caller's tenant, newest first, with their notices. */
    @RolesAllowed("TENANT_ADMIN")
    public List<Report> ofMyTenant() {
        UUID tenant = tenants.currentTenant().orElseThrow();
        List<UUID> named = uuids(system.createNativeQuery("SELECT incident_id FROM incident_tenant WHERE tenant_ref = ?")
                .setParameter(1, tenant).getResultList());
        var query = named.isEmpty()
                ? system.createQuery("SELECT i FROM Incident i WHERE i.allTenants = true ORDER BY i.detectedAt DESC", Incident.class)
                : system.createQuery("SELECT i FROM Incident i WHERE i.allTenants = true OR i.id IN :named"
                        + " ORDER BY i.detectedAt DESC", Incident.class).setParameter("named", named);
        return query.setMaxResults(200).getResultStream().map(incident -> new Report(incident, updates(incident))).toList();
    }

    private int post(String operator, Incident incident, String message, boolean resolution) {
        IncidentUpdate update = new IncidentUpdate(incident.getId(), clock.instant(), operator, message.strip(), resolution);
        system.persist(update);
        return announcer.tell(incident.isAllTenants() ? announcer.activeTenants() : affectedTenants(incident),
                (locale, zone) -> NotificationTexts.incidentNotice(locale, zone, incident.getCategory().name(),
                        incident.getTitle(), incident.getDetectedAt(), incident.getDataScope(), update.getMessage(), resolution));
    }

    private List<UUID> affectedTenants(Incident incident) {
        return uuids(system.createNativeQuery("SELECT tenant_ref FROM incident_tenant WHERE incident_id = ?")
                .setParameter(1, incident.getId()).getResultList());
    }

    private static List<UUID> uuids(List<?> values) {
        return values.stream().map(value -> value instanceof UUID uuid ? uuid : UUID.fromString(value.toString())).toList();
    }

    private List<IncidentUpdate> updates(Incident incident) {
        return system.createNamedQuery(IncidentUpdate.OF_INCIDENT, IncidentUpdate.class)
                .setParameter("incident", incident.getId()).getResultList();
    }

    private Incident openIncident(UUID id) {
        Incident incident = system.find(Incident.class, id);
        if (incident == null) {
            throw new Refused("No incident " + id + ".");
        }
        if (incident.getResolvedAt() != null) {
            throw new Refused("Incident " + id + " was resolved at " + incident.getResolvedAt() + ".");
        }
        return incident;
    }

    private static void checkMessage(String message) {
        if (message == null || message.isBlank() || message.strip().length() > 4000) {
            throw new Refused("A notice needs a message of 1 to 4000 characters.");
        }
    }
}
