package jp.sapphire.organization.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A project or cost centre (プロジェクト・原価センター) a report may be charged to: a code, a name,
 * the accounting cost centre it books to, and whether new reports may still choose it.
 */
@Entity
@Table(name = "project")
@NamedQuery(name = Project.ALL, query = "SELECT p FROM Project p ORDER BY p.code")
public class Project extends TenantOwned {

    public static final String ALL = "Project.all";

    private String code;

    private String name;

    @Column(name = "cost_centre")
    private String costCentre;

    private boolean active = true;

    @Version
    private long version;

    protected Project() {
    }

    public Project(String code, String name, String costCentre, boolean active) {
        this.code = code;
        describe(name, costCentre, active);
    }

    public final void describe(String name, String costCentre, boolean active) {
        this.name = name;
        this.costCentre = costCentre;
        this.active = active;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getCostCentre() {
        return costCentre;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}
