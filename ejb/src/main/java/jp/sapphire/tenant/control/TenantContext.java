package jp.sapphire.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant of the current call. For a request it is the tenant of the signed-in member (browser
 * session or verified API token, see {@link CallerTenant}); nothing else a request carries
 * (parameter, header, form field) can change it. Provider jobs that act on one tenant's data
 * (seeding, backup and purge loops) name the tenant with {@link #callAsTenant}, which refuses to
 * run inside an authenticated request.
 */
@ApplicationScoped
public class TenantContext {

    private static final ThreadLocal<UUID> JOB_TENANT = new ThreadLocal<>();

    @Inject
    CallerTenant caller;

    public Optional<UUID> currentTenant() {
        UUID job = JOB_TENANT.get();
        return job != null ? Optional.of(job) : caller.tenantOfCaller();
    }

    /** Runs provider work for one tenant; never available to a request's caller. */
    public <T> T callAsTenant(UUID tenant, Supplier<T> work) {
        if (caller.tenantOfCaller().isPresent()) {
            throw new IllegalStateException("A member's request cannot choose its tenant");
        }
        UUID previous = JOB_TENANT.get();
        JOB_TENANT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                JOB_TENANT.remove();
            } else {
                JOB_TENANT.set(previous);
            }
        }
    }
}
