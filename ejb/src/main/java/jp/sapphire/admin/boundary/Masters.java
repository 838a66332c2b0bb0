package jp.sapphire.admin.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.admin.control.PrivilegedLog;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.identity.control.AdminOnly;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.organization.entity.Project;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.CsvHeaders;
import jp.sapphire.platform.control.CsvImport.Row;
import jp.sapphire.platform.control.CsvImport;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;

/**
 * The tenant's masters as CSV for its administrators: expense categories (勘定科目), departments
 * (部門: hierarchy and manager) and projects / cost centres. Export in UTF-8 (with a byte order
 * mark, for Excel) or Shift_JIS. Import adds and changes by code and is all or nothing: every row
 * is checked first, and one bad row means nothing is imported and every bad row is named. Rows
 * are never deleted by an import (reports and routes refer to them); a category or project is
 * retired by marking it inactive.
 */
@Stateless
@AdminOnly
@DeclareRoles("TENANT_ADMIN")
public class Masters {

    /** The columns, in order; the header row may name them in Japanese or by these keys. */
    public static final List<String> CATEGORY_COLUMNS = List.of("code", "name", "kind", "taxClass", "active");
    public static final List<String> DEPARTMENT_COLUMNS = List.of("code", "name", "parent", "manager");
    public static final List<String> PROJECT_COLUMNS = List.of("code", "name", "costCentre", "active");

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    PrivilegedLog log;

    /** What an import did. */
    public record Imported(int added, int changed) {
    }

    // ----- expense policy

    /** The tenant's rounding of tax, duplicate rule and receipt rule; the change is logged before and after. */
    public ExpensePolicy savePolicy(TaxRounding rounding, ExpensePolicy.DuplicatePolicy duplicates, boolean receiptRequired,
                                    boolean smallAmountExemption) {
        if (rounding == null || duplicates == null) {
            throw new InvalidInputException(rounding == null ? InputProblem.of("taxRounding", "sapphire.policy.rounding.required")
                    : InputProblem.of("duplicatePolicy", "sapphire.policy.duplicates.required"));
        }
        return changePolicy(policy -> {
            policy.setTaxRounding(rounding);
            policy.setDuplicatePolicy(duplicates);
            policy.setReceiptRequired(receiptRequired);
            policy.setSmallAmountExemption(smallAmountExemption);
        });
    }

    /** The longest wait, in business days, a tenant may set before reminding or escalating. */
    public static final int MAX_REMINDER_DAYS = 20;

    /**
     * When approvals that wait are reminded (business days, 1 to 20) and, if {@code escalationDays}
     * is set (1 to 20 more), escalated to the approver's manager; the change is logged before and after.
     */
    public ExpensePolicy saveReminders(Integer reminderDays, Integer escalationDays) {
        List<InputProblem> problems = new ArrayList<>();
        if (reminderDays == null || reminderDays < 1 || reminderDays > MAX_REMINDER_DAYS) {
            problems.add(InputProblem.of("reminderDays", "sapphire.policy.reminder-days.range", "max", MAX_REMINDER_DAYS));
        }
        if (escalationDays != null && (escalationDays < 1 || escalationDays > MAX_REMINDER_DAYS)) {
            problems.add(InputProblem.of("escalationDays", "sapphire.policy.escalation-days.range", "max", MAX_REMINDER_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return changePolicy(policy -> {
            policy.setReminderDays(reminderDays);
            policy.setEscalationDays(escalationDays);
        });
    }

    /** Changes the tenant's policy (made with the defaults if it has none) and logs it before and after. */
    private ExpensePolicy changePolicy(java.util.function.Consumer<ExpensePolicy> change) {
        ExpensePolicy policy = em.createQuery("SELECT p FROM ExpensePolicy p", ExpensePolicy.class)
                .getResultStream().findFirst().orElse(null);
        String before = policy == null ? null : describe(policy);
        if (policy == null) {
            policy = new ExpensePolicy();
            em.persist(policy);
        }
        change.accept(policy);
        log.record("POLICY_CHANGED", "expense policy", before, describe(policy));
        return policy;
    }

    private static String describe(ExpensePolicy policy) {
        return "rounding=" + policy.getTaxRounding() + " duplicates=" + policy.getDuplicatePolicy()
                + " receiptRequired=" + policy.isReceiptRequired() + " smallAmountExemption=" + policy.isSmallAmountExemption()
                + " reminderDays=" + policy.getReminderDays() + " escalationDays=" + policy.getEscalationDays();
    }

    // ----- expense categories

    /** Every category, the inactive ones too, by code. */
    public List<ExpenseCategory> categories() {
        return em.createQuery("SELECT c FROM ExpenseCategory c ORDER BY c.code", ExpenseCategory.class).getResultList();
    }

    public byte[] exportCategories(Charset charset, Locale locale) {
        return Csv.document(charset, CsvHeaders.of("category", locale), categories().stream()
                .map(category -> List.of(category.getCode(), category.getName(), category.getKind().name(),
                        category.getDefaultTaxClass().name(), Boolean.toString(category.isActive())))
                .toList());
    }

    /** Adds and changes categories by code from a CSV file; refuses the whole file if any row is wrong. */
    public Imported importCategories(byte[] content, Charset charset) {
        CsvImport file = CsvImport.read(content, charset, CATEGORY_COLUMNS, CsvHeaders.every("category"));
        Set<String> seen = new HashSet<>();
        for (Row row : file.rows()) {
            file.code(row, 0, seen);
            file.name(row, 1, 100);
            if (!names(CategoryKind.values()).contains(row.get(2))) {
                file.reject(row, "sapphire.csv.category.kind", "value", row.get(2));
            }
            if (!names(TaxClass.values()).contains(row.get(3))) {
                file.reject(row, "sapphire.csv.category.tax", "value", row.get(3));
            }
            file.flag(row, 4);
        }
        file.finish();
        Map<String, ExpenseCategory> existing = byCode(categories(), ExpenseCategory::getCode);
        int added = 0;
        int changed = 0;
        for (Row row : file.rows()) {
            CategoryKind kind = CategoryKind.valueOf(row.get(2));
            TaxClass tax = TaxClass.valueOf(row.get(3));
            boolean active = isTrue(row.get(4));
            ExpenseCategory category = existing.get(row.get(0));
            if (category == null) {
                ExpenseCategory created = new ExpenseCategory(row.get(0), row.get(1), kind, tax);
                created.setActive(active);
                em.persist(created);
                added++;
            } else if (!category.getName().equals(row.get(1)) || category.getKind() != kind
                    || category.getDefaultTaxClass() != tax || category.isActive() != active) {
                category.update(row.get(1), kind, tax, active);
                changed++;
            }
        }
        return logged("CATEGORIES_IMPORTED", "expense categories (CSV)", added, changed);
    }

    // ----- departments

    public List<Department> departments() {
        return em.createQuery("SELECT d FROM Department d ORDER BY d.code", Department.class).getResultList();
    }

    /** A department as the console lists it: its parent by code, its manager by name and by key. */
    public record DepartmentRow(String code, String name, String parentCode, String managerName, String managerKey) {

        // Jakarta EL 5 reads properties through getters only.

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public String getParentCode() {
            return parentCode;
        }

        public String getManagerName() {
            return managerName;
        }
    }

    public List<DepartmentRow> departmentRows() {
        List<Department> all = departments();
        Map<UUID, Department> byId = all.stream().collect(Collectors.toMap(Department::getId, d -> d));
        Map<UUID, Member> members = members();
        return all.stream().map(department -> {
            Member manager = department.getManagerId() == null ? null : members.get(department.getManagerId());
            return new DepartmentRow(department.getCode(), department.getName(),
                    department.getParentId() == null ? "" : byId.get(department.getParentId()).getCode(),
                    manager == null ? "" : manager.getDisplayName(), manager == null ? "" : memberKey(manager));
        }).toList();
    }

    public byte[] exportDepartments(Charset charset, Locale locale) {
        return Csv.document(charset, CsvHeaders.of("department", locale), departmentRows().stream()
                .map(row -> List.of(row.code(), row.name(), row.parentCode(), row.managerKey()))
                .toList());
    }

    /**
     * Adds and changes departments by code. A parent may be a department of the file (in any
     * order) or one already registered; a manager is named by IdP user ID or e-mail address; the
     * hierarchy must not loop once the file is applied.
     */
    public Imported importDepartments(byte[] content, Charset charset) {
        CsvImport file = CsvImport.read(content, charset, DEPARTMENT_COLUMNS, CsvHeaders.every("department"));
        Map<String, Department> existing = byCode(departments(), Department::getCode);
        Map<UUID, Department> existingById = existing.values().stream().collect(Collectors.toMap(Department::getId, d -> d));
        Map<UUID, Member> members = members();
        Set<String> seen = new HashSet<>();
        Set<String> inFile = file.rows().stream().map(row -> row.get(0)).collect(Collectors.toSet());
        Map<String, String> parents = new HashMap<>();
        existing.values().forEach(d -> parents.put(d.getCode(),
                d.getParentId() == null ? null : existingById.get(d.getParentId()).getCode()));
        Map<Row, UUID> managers = new HashMap<>();
        for (Row row : file.rows()) {
            file.code(row, 0, seen);
            file.name(row, 1, 200);
            String parent = row.optional(2);
            if (parent != null && !inFile.contains(parent) && !existing.containsKey(parent)) {
                file.reject(row, "sapphire.csv.department.parent", "code", parent);
            }
            parents.put(row.get(0), parent);
            String manager = row.optional(3);
            if (manager != null) {
                Optional<Member> found = memberNamed(members.values(), manager);
                found.ifPresentOrElse(member -> managers.put(row, member.getId()),
                        () -> file.reject(row, "sapphire.csv.department.manager", "value", manager));
            }
        }
        for (Row row : file.rows()) {
            if (file.isClean(row) && loops(row.get(0), parents)) {
                file.reject(row, "sapphire.csv.department.cycle", "code", row.get(0));
            }
        }
        file.finish();
        int added = 0;
        int changed = 0;
        Map<String, Department> all = new HashMap<>(existing);
        for (Row row : file.rows()) {
            if (!all.containsKey(row.get(0))) {
                Department created = new Department(row.get(0), row.get(1), null, null);
                em.persist(created);
                all.put(row.get(0), created);
                added++;
            }
        }
        em.flush();
        for (Row row : file.rows()) {
            Department department = all.get(row.get(0));
            UUID parent = row.optional(2) == null ? null : all.get(row.get(2)).getId();
            UUID manager = managers.get(row);
            boolean isNew = !existing.containsKey(row.get(0));
            if (isNew || !department.getName().equals(row.get(1)) || !Objects.equals(department.getParentId(), parent)
                    || !Objects.equals(department.getManagerId(), manager)) {
                department.describe(row.get(0), row.get(1), parent, manager);
                changed += isNew ? 0 : 1;
            }
        }
        return logged("DEPARTMENTS_IMPORTED", "departments (CSV)", added, changed);
    }

    /** Whether walking up from {@code code} comes back to it. */
    private static boolean loops(String code, Map<String, String> parents) {
        Set<String> visited = new HashSet<>();
        for (String above = parents.get(code); above != null; above = parents.get(above)) {
            if (above.equals(code) || !visited.add(above)) {
                return above.equals(code);
            }
        }
        return false;
    }

    // ----- projects / cost centres

    public List<Project> projects() {
        return em.createNamedQuery(Project.ALL, Project.class).getResultList();
    }

    public byte[] exportProjects(Charset charset, Locale locale) {
        return Csv.document(charset, CsvHeaders.of("project", locale), projects().stream()
                .map(project -> List.of(project.getCode(), project.getName(),
                        Objects.requireNonNullElse(project.getCostCentre(), ""), Boolean.toString(project.isActive())))
                .toList());
    }

    public Imported importProjects(byte[] content, Charset charset) {
        CsvImport file = CsvImport.read(content, charset, PROJECT_COLUMNS, CsvHeaders.every("project"));
        Set<String> seen = new HashSet<>();
        for (Row row : file.rows()) {
            file.code(row, 0, seen);
            file.name(row, 1, 100);
            if (!row.get(2).matches("[A-Za-z0-9_-]{0,20}")) {
                file.reject(row, "sapphire.csv.project.cost-centre", "value", row.get(2));
            }
            file.flag(row, 3);
        }
        file.finish();
        Map<String, Project> existing = byCode(projects(), Project::getCode);
        int added = 0;
        int changed = 0;
        for (Row row : file.rows()) {
            String costCentre = row.optional(2);
            boolean active = isTrue(row.get(3));
            Project project = existing.get(row.get(0));
            if (project == null) {
                em.persist(new Project(row.get(0), row.get(1), costCentre, active));
                added++;
            } else if (!project.getName().equals(row.get(1)) || !Objects.equals(project.getCostCentre(), costCentre)
                    || project.isActive() != active) {
                project.describe(row.get(1), costCentre, active);
                changed++;
            }
        }
        return logged("PROJECTS_IMPORTED", "projects (CSV)", added, changed);
    }

    // ----- shared

    private Imported logged(String action, String target, int added, int changed) {
        log.record(action, target, null, added + " added, " + changed + " changed");
        return new Imported(added, changed);
    }

    private Map<UUID, Member> members() {
        return em.createQuery("SELECT m FROM Member m", Member.class).getResultStream()
                .collect(Collectors.toMap(Member::getId, m -> m));
    }

    /** How an export names a member: their IdP user ID, or their e-mail address until they first sign in. */
    public static String memberKey(Member member) {
        return member.getSubject() != null ? member.getSubject() : member.getEmail();
    }

    /** The active member with this IdP user ID, or else with this e-mail address (either case). */
    public static Optional<Member> memberNamed(Collection<Member> members, String key) {
        List<Member> active = members.stream().filter(Member::isActive).toList();
        return active.stream().filter(m -> key.equals(m.getSubject())).findFirst()
                .or(() -> active.stream().filter(m -> m.getEmail() != null && m.getEmail().equalsIgnoreCase(key)).findFirst());
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        Map<String, T> map = new HashMap<>();
        rows.forEach(row -> map.put(code.apply(row), row));
        return map;
    }

    private static boolean isTrue(String flag) {
        return "true".equals(flag.toLowerCase(Locale.ROOT));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
