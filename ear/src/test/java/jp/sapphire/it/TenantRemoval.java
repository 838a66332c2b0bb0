package jp.sapphire.it;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.tenant.boundary.TenantDeletions;
import jp.sapphire.tenant.entity.Tenant;
import jp.sapphire.tenant.entity.TenantDeletion;

/**
 * Test module only: deletes a test tenant through the product's deletion at contract end — a
 * request filed on the provider's side (no administrator of a test tenant is asked), then the
 * operators' execution, which purges every row and keeps the certificate.
 */
@Stateless
public class TenantRemoval {

    private static final String WHO = "test:cleanup";

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @EJB
    TenantDeletions deletions;

    @Inject
    Clock clock;

    public void remove(UUID id) {
        Tenant tenant = system.find(Tenant.class, id);
        if (tenant == null) {
            // Gone already, e.g. with a restore of the whole database to a generation taken before it.
            return;
        }
        if (system.find(TenantDeletion.class, id) == null) {
            Instant now = clock.instant();
            system.persist(new TenantDeletion(id, now, WHO, now));
            system.flush();
        }
        deletions.execute(WHO, tenant.getSlug());
    }
}
