package jp.sapphire.organization.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/** A department (部門): a code, a name, the department above it and its manager (所属長). */
@Entity
@Table(name = "department")
public class Department extends TenantOwned {

    private String code;

    private String name;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(name = "manager_id")
    private UUID managerId;

    @Version
    private long version;

    protected Department() {
    }

    public Department(String code, String name, UUID parentId, UUID managerId) {
        this.code = code;
        this.name = name;
        this.parentId = parentId;
        this.managerId = managerId;
    }

    public void describe(String code, String name, UUID parentId, UUID managerId) {
        this.code = code;
        this.name = name;
        this.parentId = parentId;
        this.managerId = managerId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UUID getParentId() {
        return parentId;
    }

    public UUID getManagerId() {
        return managerId;
    }

    public long getVersion() {
        return version;
    }
}
