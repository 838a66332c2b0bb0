package jp.sapphire.tenant.control;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * Lock 1 of tenant isolation, applied to every enterprise bean (META-INF/ejb-jar.xml): before a
 * boundary method runs inside its transaction, the transaction's entity manager is told its
 * tenant. EclipseLink then filters every query on a {@link TenantOwned} entity by that tenant
 * and {@code RowLevelSecurityListener} passes it on to PostgreSQL.
 *
 * <p>No tenant (an anonymous call, a provider job that named none) leaves the property unset;
 * EclipseLink and PostgreSQL then show no customer rows at all.
 */
public class TenantInterceptor {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    @AroundTimeout
    public Object bindTenant(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionKey() != null) {
            tenants.currentTenant().ifPresent(this::bind);
        }
        return invocation.proceed();
    }

    private void bind(UUID tenant) {
        Object bound = em.getProperties().get(TenantOwned.TENANT_PROPERTY);
        if (bound == null) {
            em.setProperty(TenantOwned.TENANT_PROPERTY, tenant.toString());
        } else if (!bound.equals(tenant.toString())) {
            throw new IllegalStateException("A transaction belongs to exactly one tenant");
        }
    }
}
