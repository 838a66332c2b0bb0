package jp.sapphire.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import jp.sapphire.tenant.boundary.TenantProvisioning;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Region;
import jp.sapphire.tenant.entity.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code demo} tenant a newcomer finds after the README run command: created and seeded at
 * start-up when {@code sapphire.demo.enabled} is true (only the run server sets it), and left
 * alone once it has members, so whatever one does in the demo survives a restart.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
// Provider-side (system) and tenant data are written by separate boundaries in separate
// transactions: one global transaction cannot hold two one-phase data sources.
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoTenant {

    public static final String SLUG = "demo";

    private static final System.Logger LOG = System.getLogger(DemoTenant.class.getName());

    @Inject
    @ConfigProperty(name = "sapphire.demo.enabled")
    boolean enabled;

    @EJB
    TenantProvisioning provisioning;

    @EJB
    DemoData data;

    @Inject
    TenantContext tenants;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        Tenant tenant = provisioning.findBySlug(SLUG).orElseGet(() -> {
            Tenant created = provisioning.provision(SLUG, "デモ株式会社", Region.asia);
            // As a customer would request it: the demo shows the privileged account too.
            provisioning.setPrivilegedAccounts(created.getId(), true);
            return created;
        });
        if (tenants.callAsTenant(tenant.getId(), data::seedIfEmpty)) {
            LOG.log(Level.INFO, "Demo tenant seeded: {0}", tenant.getId());
        }
    }
}
