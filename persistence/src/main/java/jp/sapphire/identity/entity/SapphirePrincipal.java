package jp.sapphire.identity.entity;

import jakarta.security.enterprise.CallerPrincipal;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is calling: a member of one tenant, as established by that tenant's IdP at sign-in.
 * The tenant of every transaction comes from here and from nowhere else a request can
 * influence. The principal's name is the member id, stable across renames.
 */
public class SapphirePrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final UUID tenantId;
    private final String tenantSlug;
    private final UUID memberId;
    private final String displayName;

    public SapphirePrincipal(UUID tenantId, String tenantSlug, UUID memberId, String displayName) {
        super(memberId.toString());
        this.tenantId = Objects.requireNonNull(tenantId);
        this.tenantSlug = Objects.requireNonNull(tenantSlug);
        this.memberId = memberId;
        this.displayName = displayName;
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
