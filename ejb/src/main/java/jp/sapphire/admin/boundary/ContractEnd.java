package jp.sapphire.admin.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jp.sapphire.admin.control.PrivilegedLog;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.control.AdminOnly;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.tenant.boundary.TenantDeletions;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Tenant;
import jp.sapphire.tenant.entity.TenantDeletion;

/**
 * 契約終了・データ削除: the tenant administrator's request that all of the tenant's data be
 * deleted at the end of its contract (whitepaper §4), seen through the tenant's own view
 * (row-level security). The provider executes it ({@link TenantDeletions}).
 */
@Stateless
@AdminOnly
public class ContractEnd {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Caller signedIn;

    @Inject
    PrivilegedLog log;

    @EJB
    SystemAudit audit;

    @Inject
    Clock clock;

    /** The request of the caller's tenant, if it made one. */
    public Optional<TenantDeletion> ofMyTenant() {
        return Optional.ofNullable(em.find(TenantDeletion.class, tenants.currentTenant().orElseThrow()));
    }

    /**
     * Requests the deletion of all of the caller's tenant's data, due {@link TenantDeletions#PERIOD} from now;
     * {@code confirmation} must be the tenant's id (slug).
     */
    public TenantDeletion request(String confirmation) {
        Tenant tenant = em.find(Tenant.class, tenants.currentTenant().orElseThrow());
        if (confirmation == null || !confirmation.strip().equals(tenant.getSlug())) {
            throw new InvalidInputException(InputProblem.of("confirmation", "sapphire.deletion.confirmation", "slug",
                    tenant.getSlug()));
        }
        if (em.find(TenantDeletion.class, tenant.getId()) != null) {
            throw new ConflictException("sapphire.deletion.already-requested");
        }
        Instant now = clock.instant();
        TenantDeletion deletion = new TenantDeletion(tenant.getId(), now, signedIn.actor(), now.plus(TenantDeletions.PERIOD));
        em.persist(deletion);
        log.record("DELETION_REQUESTED", tenant.getSlug(), null, "all data deleted by " + deletion.getDueAt());
        audit.success(SystemEvent.TENANT_DELETION_REQUESTED, tenant.getId(), signedIn.actor(), "due " + deletion.getDueAt());
        return deletion;
    }
}
