package jp.sapphire.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer company (テナント). Provider-side data: the table has no {@code tenant_id} and is
 * written only on operator paths; the application role may only read it.
 */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_SLUG, query = "SELECT t FROM Tenant t WHERE t.slug = :slug")
@NamedQuery(name = Tenant.ALL, query = "SELECT t FROM Tenant t ORDER BY t.slug")
public class Tenant {

    public static final String BY_SLUG = "Tenant.bySlug";
    public static final String ALL = "Tenant.all";

    @Id
    private UUID id = UUID.randomUUID();

    @NotNull
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "{sapphire.tenant.slug.format}")
    private String slug;

    @NotBlank
    @Size(max = 200)
    @Column(name = "display_name")
    private String displayName;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Region region;

    @NotNull
    @Enumerated(EnumType.STRING)
    private TenantStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "privileged_accounts_enabled")
    private boolean privilegedAccountsEnabled;

    protected Tenant() {
    }

    public Tenant(String slug, String displayName, Region region, Instant createdAt) {
        this.slug = slug;
        this.displayName = displayName;
        this.region = region;
        this.status = TenantStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Region getRegion() {
        return region;
    }

    public TenantStatus getStatus() {
        return status;
    }

    /**
     * The provider stops the tenant's use of SAPPHIRE for now (an unpaid bill, a security
     * incident): nobody signs in or calls the API; its data, backups and deletion clock stay as
     * they are. Only an active tenant can be suspended.
     */
    public void suspend() {
        if (status != TenantStatus.ACTIVE) {
            throw new IllegalStateException("tenant " + slug + " is " + status + ", not ACTIVE");
        }
        this.status = TenantStatus.SUSPENDED;
    }

    /** Lets a suspended tenant use SAPPHIRE again. */
    public void resume() {
        if (status != TenantStatus.SUSPENDED) {
            throw new IllegalStateException("tenant " + slug + " is " + status + ", not SUSPENDED");
        }
        this.status = TenantStatus.ACTIVE;
    }

    /** The contract has ended and the tenant's data is deleted: nobody can sign in to it again. */
    public void terminate() {
        this.status = TenantStatus.TERMINATED;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Whether the provider has enabled the privileged account (TENANT_ADMIN) for this tenant. */
    public boolean isPrivilegedAccountsEnabled() {
        return privilegedAccountsEnabled;
    }

    public void setPrivilegedAccountsEnabled(boolean enabled) {
        this.privilegedAccountsEnabled = enabled;
    }
}
