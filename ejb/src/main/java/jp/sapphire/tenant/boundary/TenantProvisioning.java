package jp.sapphire.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
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

    private final Clock clock = Clock.systemUTC();

    public Tenant provision(String slug, String displayName, Region region) {
        Tenant tenant = new Tenant(slug, displayName, region, clock.instant());
        system.persist(tenant);
        return tenant;
    }

    public Optional<Tenant> findBySlug(String slug) {
        return system.createNamedQuery(Tenant.BY_SLUG, Tenant.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }
}
