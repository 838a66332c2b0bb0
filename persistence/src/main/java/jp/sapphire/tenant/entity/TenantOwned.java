package jp.sapphire.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * Everything a customer owns. EclipseLink adds {@code tenant_id = :tenant} to every query
 * on a subclass and writes the tenant into every insert, taking the value from the
 * {@value #TENANT_PROPERTY} property of the entity manager (set by the boundary interceptor).
 * The column is mapped read-only so that no code can move a row to another tenant. Serializable,
 * because a page may keep what it shows in the member's HTTP session, which every web server
 * shares (docs/SCALING.md).
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantOwned.TENANT_PROPERTY)
public abstract class TenantOwned implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String TENANT_PROPERTY = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT;

    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenantId;

    protected TenantOwned() {
    }

    /** For a row that shares its id with another, as receipt content does with its receipt. */
    protected TenantOwned(UUID id) {
        this.id = id;
    }

    public UUID getId() {
        return id;
    }

    /** The owning tenant, as stored; {@code null} until the row has been written and read back. */
    public String getTenantId() {
        return tenantId;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Objects.equals(id, ((TenantOwned) other).id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
