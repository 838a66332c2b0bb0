package jp.sapphire.organization.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;

/**
 * Departments (部門) of the current tenant: their hierarchy and managers, and which department a
 * member belongs to. Master data: the demo seed and test fixtures write it here, the admin
 * console will edit it through the same methods.
 */
@Stateless
public class Departments {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    public List<Department> all() {
        return em.createQuery("SELECT d FROM Department d ORDER BY d.code", Department.class).getResultList();
    }

    public Department define(String code, String name, UUID parentId, UUID managerId) {
        check(null, parentId, managerId);
        Department department = new Department(code, name, parentId, managerId);
        em.persist(department);
        return department;
    }

    /** Changes a department; a department can never end up below itself. */
    public Department change(UUID id, String code, String name, UUID parentId, UUID managerId) {
        Department department = find(id);
        check(id, parentId, managerId);
        department.describe(code, name, parentId, managerId);
        return department;
    }

    public void assign(UUID memberId, UUID departmentId) {
        Member member = em.find(Member.class, memberId);
        if (member == null) {
            throw new NotFoundException("member");
        }
        member.setDepartmentId(departmentId == null ? null : find(departmentId).getId());
    }

    private void check(UUID self, UUID parentId, UUID managerId) {
        if (managerId != null && em.find(Member.class, managerId) == null) {
            throw new InvalidInputException(InputProblem.of("managerId", "sapphire.department.manager.unknown"));
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID above = parentId; above != null; above = find(above).getParentId()) {
            if (above.equals(self) || !seen.add(above)) {
                throw new InvalidInputException(InputProblem.of("parentId", "sapphire.department.parent.cycle"));
            }
        }
    }

    private Department find(UUID id) {
        Department department = em.find(Department.class, id);
        if (department == null) {
            throw new NotFoundException("department");
        }
        return department;
    }
}
