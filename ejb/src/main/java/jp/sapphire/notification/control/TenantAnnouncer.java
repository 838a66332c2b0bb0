package jp.sapphire.notification.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import jp.sapphire.notification.boundary.AdminAnnouncements;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.TenantStatus;

/**
 * What the provider announces to tenants — a restore, a change, an incident — mailed to each
 * tenant's administrators in its own transaction and tenant ({@link AdminAnnouncements}).
 */
@ApplicationScoped
public class TenantAnnouncer {

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @Inject
    TenantContext tenants;

    @EJB
    AdminAnnouncements announcements;

    /** The tenants under contract now. */
    public List<UUID> activeTenants() {
        return system.createQuery("SELECT t.id FROM Tenant t WHERE t.status = :active", UUID.class)
                .setParameter("active", TenantStatus.ACTIVE).getResultList();
    }

    /** Tells these tenants' administrators; answers how many were told. */
    public int tell(Collection<UUID> tenantIds, BiFunction<Locale, ZoneId, NotificationTexts.Mail> wording) {
        int told = 0;
        for (UUID tenant : tenantIds) {
            told += tenants.callAsTenant(tenant, () -> announcements.announce(wording));
        }
        return told;
    }

    /** Tells the administrators of every tenant under contract. */
    public int tellEveryTenant(BiFunction<Locale, ZoneId, NotificationTexts.Mail> wording) {
        return tell(activeTenants(), wording);
    }
}
