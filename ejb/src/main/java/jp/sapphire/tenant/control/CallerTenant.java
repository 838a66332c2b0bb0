package jp.sapphire.tenant.control;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant of whoever is signed in to the current request, if anyone is. Identity knows who is
 * signed in and implements it ({@code identity.control.Caller}); tenancy only needs the tenant.
 */
public interface CallerTenant {

    Optional<UUID> tenantOfCaller();
}
