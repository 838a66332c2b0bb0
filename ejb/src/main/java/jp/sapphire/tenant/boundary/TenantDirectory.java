package jp.sapphire.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import jp.sapphire.tenant.entity.Tenant;
import jp.sapphire.tenant.entity.TenantStatus;

/** Finds the tenant a sign-in is for; read-only, as the application login. */
@Stateless
public class TenantDirectory {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    /** An active tenant by its slug (the {@code demo} in {@code /t/demo/}). */
    public Optional<Tenant> findActive(String slug) {
        return em.createNamedQuery(Tenant.BY_SLUG, Tenant.class)
                .setParameter("slug", slug)
                .getResultStream()
                .filter(tenant -> tenant.getStatus() == TenantStatus.ACTIVE)
                .findFirst();
    }
}
