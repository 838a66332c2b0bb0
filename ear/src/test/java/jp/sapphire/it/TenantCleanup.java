package jp.sapphire.it;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.UUID;

/**
 * When a test class's deployment ends, the tenants its tests made are deleted the way a tenant at
 * the end of its contract is ({@link TenantRemoval}), so the test database does not grow from run
 * to run and whole-system work (announcements to every tenant, restores) stays as fast as the
 * first time.
 */
@WebListener
public class TenantCleanup implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(TenantCleanup.class.getName());

    @Inject
    CreatedTenants created;

    @EJB
    TenantRemoval removal;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        int removed = 0;
        for (UUID tenant : created.all()) {
            try {
                removal.remove(tenant);
                removed++;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Test tenant " + tenant + " not removed: " + e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "Removed " + removed + " test tenants");
    }
}
