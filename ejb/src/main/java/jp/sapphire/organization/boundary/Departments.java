package jp.sapphire.organization.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import jp.sapphire.organization.entity.Department;

/**
 * Departments (部門) of the current tenant as members and approvals read them: their hierarchy and
 * managers. Only the admin console's {@code admin.boundary.Masters} writes them (CSV import), and
 * {@code TenantAdministration} places members in them.
 */
@Stateless
public class Departments {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    public List<Department> all() {
        return em.createQuery("SELECT d FROM Department d ORDER BY d.code", Department.class).getResultList();
    }
}
