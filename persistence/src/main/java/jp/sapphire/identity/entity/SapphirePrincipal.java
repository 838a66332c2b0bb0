package jp.sapphire.identity.entity;

import jakarta.security.enterprise.CallerPrincipal;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is calling: a member of one tenant, as established by that tenant's IdP at sign-in.
 * The tenant of every transaction comes from here and from nowhere else a request can
 * influence. The principal's name is the member id, stable across renames. While a tenant
 * administrator impersonates the member (なりかわり), the administrator is named here too, so
 * every log says both, and the principal's name is the administrator's (who is really there).
 */
public class SapphirePrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final UUID tenantId;
    private final String tenantSlug;
    private final UUID memberId;
    private final String displayName;
    private final UUID impersonatorId;
    private final String impersonatorName;

    public SapphirePrincipal(UUID tenantId, String tenantSlug, UUID memberId, String displayName) {
        this(tenantId, tenantSlug, memberId, displayName, null, null);
    }

    private SapphirePrincipal(UUID tenantId, String tenantSlug, UUID memberId, String displayName, UUID impersonatorId,
                              String impersonatorName) {
        // The container's user is the person at the keyboard: while impersonating, the administrator
        // (their browser session stays theirs); the member acted as is memberId().
        super((impersonatorId == null ? memberId : impersonatorId).toString());
        this.tenantId = Objects.requireNonNull(tenantId);
        this.tenantSlug = Objects.requireNonNull(tenantSlug);
        this.memberId = memberId;
        this.displayName = displayName;
        this.impersonatorId = impersonatorId;
        this.impersonatorName = impersonatorName;
    }

    /** This member, acted as by {@code impersonator} (a tenant administrator of the same tenant). */
    public SapphirePrincipal impersonatedBy(SapphirePrincipal impersonator) {
        return new SapphirePrincipal(tenantId, tenantSlug, memberId, displayName, impersonator.memberId(),
                impersonator.displayName());
    }

    public boolean impersonated() {
        return impersonatorId != null;
    }

    /** The administrator acting as this member, or null. */
    public UUID impersonatorId() {
        return impersonatorId;
    }

    public String impersonatorName() {
        return impersonatorName;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String tenantSlug() {
        return tenantSlug;
    }

    public UUID memberId() {
        return memberId;
    }

    public String displayName() {
        return displayName;
    }
}
