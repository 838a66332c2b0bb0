package jp.sapphire.identity.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Tenant;

/**
 * Role bindings of the current tenant (ロール割り当て). {@code TENANT_ADMIN} can be bound only
 * while the provider has enabled the privileged account for the tenant. Every change is in the
 * system audit log.
 */
@Stateless
public class RoleBindings {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Caller signedIn;

    @EJB
    SystemAudit audit;

    @Inject
    Clock clock;

    public RoleBinding grant(@NotNull Role role, @NotNull RoleBinding.Kind kind,
                             @NotBlank @Size(max = 255) String value) {
        signedIn.refuseWhileImpersonated("sapphire.impersonation.not-here");
        UUID tenant = tenants.currentTenant().orElseThrow();
        if (role.isPrivileged() && !em.find(Tenant.class, tenant).isPrivilegedAccountsEnabled()) {
            audit.failure(SystemEvent.ROLE_BINDING_GRANTED, tenant, signedIn.actor(),
                    role + " to " + kind + " " + value + ": privileged account not enabled");
            throw new PrivilegedAccountNotEnabledException();
        }
        String issuer = em.createQuery("SELECT i.issuer FROM IdentityProvider i", String.class).getResultStream().findFirst()
                .orElse(null);
        RoleBinding binding = new RoleBinding(role, kind, value, issuer, clock.instant());
        em.persist(binding);
        audit.success(SystemEvent.ROLE_BINDING_GRANTED, tenant, signedIn.actor(), role + " to " + kind + " " + value);
        return binding;
    }

    public void revoke(UUID binding) {
        signedIn.refuseWhileImpersonated("sapphire.impersonation.not-here");
        RoleBinding found = em.find(RoleBinding.class, binding);
        if (found != null) {
            em.remove(found);
            audit.success(SystemEvent.ROLE_BINDING_REVOKED, tenants.currentTenant().orElseThrow(), signedIn.actor(),
                    found.getRole() + " from " + found.getKind() + " " + found.getValue());
        }
    }

    public List<RoleBinding> all() {
        return em.createNamedQuery(RoleBinding.ALL, RoleBinding.class).getResultList();
    }

}
