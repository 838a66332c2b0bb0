package jp.sapphire.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The tenants the tests of one deployment (one test class) made; {@link TenantCleanup} removes them when it ends. */
@ApplicationScoped
public class CreatedTenants {

    private final Set<UUID> made = ConcurrentHashMap.newKeySet();

    public void add(UUID tenant) {
        made.add(tenant);
    }

    List<UUID> all() {
        return List.copyOf(made);
    }
}
