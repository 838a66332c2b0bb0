package jp.sapphire.tenant.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.operations.control.Refused;
import jp.sapphire.tenant.entity.Region;
import jp.sapphire.tenant.entity.Tenant;

/**
 * Creates tenants (テナント開設). Provider-side: runs on the system persistence unit and is
 * reached only from operator tools and provider jobs, never from a tenant's request.
 */
@Stateless
public class TenantProvisioning {

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @EJB
    SystemAudit audit;

    @Inject
    Clock clock;

    public Tenant provision(String slug, String displayName, Region region) {
        Tenant tenant = new Tenant(slug, displayName, region, clock.instant());
        system.persist(tenant);
        return tenant;
    }

    /** Enables or withdraws the privileged account (特権アカウント) of a tenant, on the customer's request. */
    public void setPrivilegedAccounts(UUID tenant, boolean enabled) {
        setPrivilegedAccounts(tenant, enabled, "provider");
    }

    public void setPrivilegedAccounts(UUID tenant, boolean enabled, String operator) {
        Tenant found = system.find(Tenant.class, tenant);
        if (found == null) {
            throw new IllegalArgumentException("No tenant " + tenant);
        }
        found.setPrivilegedAccountsEnabled(enabled);
        audit.success(SystemEvent.PRIVILEGED_ACCOUNTS_CHANGED, tenant, operator,
                enabled ? "privileged accounts enabled" : "privileged accounts withdrawn");
    }

    /** Stops (or lets again) a tenant's members' use of SAPPHIRE; its data stays as it is. */
    public Tenant setSuspended(String slug, boolean suspended, String operator) {
        Tenant tenant = findBySlug(slug).orElseThrow(() -> new Refused("no tenant " + slug));
        try {
            if (suspended) {
                tenant.suspend();
            } else {
                tenant.resume();
            }
        } catch (IllegalStateException notNow) {
            throw new Refused(notNow.getMessage());
        }
        audit.success(suspended ? SystemEvent.TENANT_SUSPENDED : SystemEvent.TENANT_RESUMED, tenant.getId(), operator,
                "tenant " + slug + " " + tenant.getStatus());
        return tenant;
    }

    /** Every tenant, by id. */
    public List<Tenant> all() {
        return system.createNamedQuery(Tenant.ALL, Tenant.class).getResultList();
    }

    public Optional<Tenant> findBySlug(String slug) {
        return system.createNamedQuery(Tenant.BY_SLUG, Tenant.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }
}
