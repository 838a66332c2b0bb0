package jp.sapphire.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A personal API token (APIトークン) as the service remembers it: its id is the JWT's
 * {@code jti}; the signed token itself is shown once and never stored.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.OF_MEMBER,
        query = "SELECT t FROM ApiToken t WHERE t.memberId = :member ORDER BY t.createdAt DESC")
public class ApiToken extends TenantOwned {

    public static final String OF_MEMBER = "ApiToken.ofMember";

    @Column(name = "member_id")
    private UUID memberId;

    @NotBlank(message = "{sapphire.token.name.required}")
    @Size(max = 100, message = "{sapphire.token.name.size}")
    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiToken() {
    }

    public ApiToken(UUID memberId, String name, Instant createdAt, Instant expiresAt) {
        this.memberId = memberId;
        this.name = name;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID getMemberId() {
        return memberId;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isUsableAt(Instant now) {
        return isUsable(revokedAt, expiresAt, now);
    }

    /** The rule of a token's use: not revoked, and before its expiry. */
    public static boolean isUsable(Instant revokedAt, Instant expiresAt, Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
