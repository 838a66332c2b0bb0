package jp.sapphire.admin.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.sapphire.admin.control.PrivilegedLog;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.control.AdminOnly;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.notification.boundary.AdminAnnouncements;
import jp.sapphire.notification.control.NotificationTexts;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.tenant.boundary.TenantDeletions;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Tenant;
import jp.sapphire.tenant.entity.TenantDeletion;

/**
 * 契約終了・データ削除: the tenant administrator's request that all of the tenant's data be
 * deleted at the end of its contract (whitepaper §4), seen through the tenant's own view
 * (row-level security). The provider executes it ({@link TenantDeletions}). Because it cannot be
 * undone once executed, one session alone is not enough: the administrator must have signed in
 * at the IdP again within {@link #FRESH_SIGN_IN} (a step-up with {@code prompt=login}), every
 * tenant administrator is mailed of the request, and any of them may withdraw it until the
 * provider executes it.
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

    @EJB
    AdminAnnouncements announcements;

    /** The request of the caller's tenant, if it made one. */
    public Optional<TenantDeletion> ofMyTenant() {
        return Optional.ofNullable(em.find(TenantDeletion.class, tenants.currentTenant().orElseThrow()));
    }

    /** How recent the administrator's sign-in at the IdP must be for a deletion request. */
    public static final Duration FRESH_SIGN_IN = Duration.ofMinutes(5);

    /** Whether a sign-in at the IdP at {@code authenticatedAt} is recent enough for a deletion request now. */
    public boolean isFresh(Instant authenticatedAt) {
        return authenticatedAt != null && !authenticatedAt.isBefore(clock.instant().minus(FRESH_SIGN_IN));
    }

    /**
     * Requests the deletion of all of the caller's tenant's data, due {@link TenantDeletions#PERIOD} from now;
     * {@code confirmation} must be the tenant's id (slug), and the caller must have signed in at the
     * IdP at {@code authenticatedAt}, within {@link #FRESH_SIGN_IN}.
     */
    public TenantDeletion request(String confirmation, Instant authenticatedAt) {
        Tenant tenant = em.find(Tenant.class, tenants.currentTenant().orElseThrow());
        if (!isFresh(authenticatedAt)) {
            audit.failure(SystemEvent.TENANT_DELETION_REQUESTED, tenant.getId(), signedIn.actor(),
                    "refused: signed in at the IdP at " + authenticatedAt + ", not within " + FRESH_SIGN_IN);
            throw new NotPermittedException("sapphire.deletion.reauthenticate");
        }
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
        String who = signedIn.requireMember().displayName();
        announcements.announce((locale, zone) -> NotificationTexts.deletionRequested(locale, zone, tenant.getSlug(), who,
                deletion.getDueAt()));
        return deletion;
    }

    /** Withdraws the tenant's request, as long as the provider has not executed it; every administrator is told. */
    public void withdraw() {
        Tenant tenant = em.find(Tenant.class, tenants.currentTenant().orElseThrow());
        TenantDeletion deletion = em.find(TenantDeletion.class, tenant.getId());
        if (deletion == null) {
            throw new ConflictException("sapphire.deletion.none");
        }
        if (deletion.isExecuted()) {
            throw new ConflictException("sapphire.deletion.executed");
        }
        em.remove(deletion);
        log.record("DELETION_WITHDRAWN", tenant.getSlug(), "due " + deletion.getDueAt(), null);
        audit.success(SystemEvent.TENANT_DELETION_WITHDRAWN, tenant.getId(), signedIn.actor(),
                "request of " + deletion.getRequestedAt() + " withdrawn");
        String who = signedIn.requireMember().displayName();
        announcements.announce((locale, zone) -> NotificationTexts.deletionWithdrawn(locale, zone, tenant.getSlug(), who));
    }
}
