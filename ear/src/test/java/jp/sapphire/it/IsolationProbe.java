package jp.sapphire.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.entity.ApiToken;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.tenant.entity.TenantOwned;
import org.eclipse.persistence.config.QueryHints;

/**
 * Test module only: an enterprise bean that does to the entity manager what careless or hostile
 * code in a boundary could do. It gets the production default interceptor (the test module
 * carries the production ejb-jar.xml), so each method runs in a transaction bound to the
 * caller's tenant exactly as a boundary does.
 *
 * <p>EclipseLink refuses native SQL in a persistence unit with multitenant entities unless a
 * query opts in with a hint; the probe opts in, as deliberate code would, so that what stops it
 * is row-level security alone.
 */
@Stateless
public class IsolationProbe {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    public List<UUID> persistReports(UUID owner, String... titles) {
        List<ExpenseReport> reports = Arrays.stream(titles)
                .map(title -> new ExpenseReport(owner, title, TestClock.now())).toList();
        reports.forEach(em::persist);
        return reports.stream().map(ExpenseReport::getId).toList();
    }

    /** An API token record for this member, as the token boundary would write it. */
    public UUID persistApiToken(UUID member, String name) {
        ApiToken token = new ApiToken(member, name, TestClock.now(), TestClock.now().plus(Duration.ofDays(7)));
        em.persist(token);
        return token.getId();
    }

    /** An entry of the privileged activity log, as the admin console would write it. */
    public void persistActivity(UUID actor, String name) {
        em.persist(new jp.sapphire.admin.entity.PrivilegedActivity(TestClock.now(), actor, name, "MEMBER_DEACTIVATED",
                name + " (fixture)", "active", "inactive"));
    }

    /** A reminder digest sent to a member today, as the daily reminders record it. */
    public void persistReminder(UUID approver) {
        em.persist(jp.sapphire.approval.entity.ApprovalReminder.digest(approver, TestClock.today(TestClock.TOKYO), TestClock.now()));
    }

    /** A policy rule on a category, as the console would define it. */
    public void persistPolicyRule(UUID category, String name) {
        var rule = new jp.sapphire.expense.entity.PolicyRule(name, em.find(jp.sapphire.expense.entity.ExpenseCategory.class, category));
        rule.describe(name, rule.getCategory(), jp.sapphire.expense.entity.PolicyRule.Basis.LINE,
                jp.sapphire.expense.entity.PolicyRule.Region.ANY, 10_000, null, null, jp.sapphire.expense.entity.PolicyRule.Action.WARN,
                TestClock.today(TestClock.TOKYO), null);
        em.persist(rule);
    }

    /** A draft payment batch holding one report, as accounting would make it (the report's state aside). */
    public void persistPaymentBatch(UUID report, UUID createdBy) {
        var batch = new jp.sapphire.payment.entity.PaymentBatch(TestClock.today(TestClock.TOKYO).plusDays(30), createdBy,
                TestClock.now());
        em.persist(batch);
        em.flush();
        em.persist(new jp.sapphire.payment.entity.PaymentBatchItem(batch.getId(), report));
    }

    /** Accounting's override of a line's invoice status, as the ACCOUNTING boundary would store it. */
    public void persistInvoiceOverride(UUID line, UUID by) {
        var override = new jp.sapphire.expense.entity.InvoiceOverride(line);
        override.set(jp.sapphire.expense.entity.InvoiceStatus.QUALIFIED, "fixture", by, TestClock.now());
        em.persist(override);
    }

    /** Every customer-owned entity type the persistence unit maps. */
    public List<Class<?>> tenantOwnedTypes() {
        return em.getMetamodel().getEntities().stream()
                .map(EntityType::getJavaType)
                .filter(TenantOwned.class::isAssignableFrom)
                .<Class<?>>map(type -> type)
                .toList();
    }

    /** The tenants of every row of an entity type a JPQL query returns. */
    public List<String> tenantsByJpql(Class<?> type) {
        return em.createQuery("SELECT e.tenantId FROM " + type.getSimpleName() + " e", String.class).getResultList();
    }

    /** The tenants of every row of a table a native query without any predicate returns. */
    public List<String> tenantsByNativeQuery(String table) {
        @SuppressWarnings("unchecked")
        List<Object> tenants = nativeQuery("SELECT tenant_id::text FROM " + table).getResultList();
        return tenants.stream().map(Object::toString).toList();
    }

    public Optional<ExpenseReport> findReport(UUID id) {
        return Optional.ofNullable(em.find(ExpenseReport.class, id));
    }

    public Optional<Member> findMember(UUID id) {
        return Optional.ofNullable(em.find(Member.class, id));
    }

    public <T extends TenantOwned> List<UUID> idsByJpql(Class<T> type) {
        return em.createQuery("SELECT e.id FROM " + type.getSimpleName() + " e", UUID.class).getResultList();
    }

    public <T extends TenantOwned> List<UUID> idsByCriteria(Class<T> type) {
        var builder = em.getCriteriaBuilder();
        CriteriaQuery<UUID> query = builder.createQuery(UUID.class);
        Root<T> root = query.from(type);
        return em.createQuery(query.select(root.get("id"))).getResultList();
    }

    /** Native SQL is not filtered by EclipseLink at all: only row-level security stands here. */
    public List<UUID> idsByNativeQuery(String table) {
        @SuppressWarnings("unchecked")
        List<Object> ids = nativeQuery("SELECT id FROM " + table).getResultList();
        return ids.stream().map(id -> UUID.fromString(id.toString())).toList();
    }

    public int bulkRetitleAll(String title) {
        return em.createQuery("UPDATE ExpenseReport r SET r.title = :title")
                .setParameter("title", title).executeUpdate();
    }

    public int bulkDeleteAll() {
        return em.createQuery("DELETE FROM ExpenseReport r").executeUpdate();
    }

    public int nativeRetitle(UUID id, String title) {
        return nativeQuery("UPDATE expense_report SET title = ? WHERE id = ?")
                .setParameter(1, title).setParameter(2, id).executeUpdate();
    }

    public int nativeDelete(UUID id) {
        return nativeQuery("DELETE FROM expense_report WHERE id = ?")
                .setParameter(1, id).executeUpdate();
    }

    public void removeByReference(UUID id) {
        em.remove(em.getReference(ExpenseReport.class, id));
        em.flush();
    }

    /** Merges a report that claims another tenant's primary key, as a forged form post would. */
    public void mergeForged(UUID id, UUID owner, String title) {
        ExpenseReport forged = new ExpenseReport(owner, title, TestClock.now());
        overwrite(forged, TenantOwned.class, "id", id);
        em.merge(forged);
        em.flush();
    }

    /** Writes a row for another tenant with SQL that names that tenant outright. */
    public void nativeInsertInto(UUID tenant, UUID owner, String title) {
        nativeQuery("INSERT INTO expense_report (id, tenant_id, owner_id, title, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 'DRAFT', now(), now())")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenant).setParameter(3, owner)
                .setParameter(4, title).executeUpdate();
    }

    /** The tenant PostgreSQL sees for this transaction's connection. */
    public String databaseTenant() {
        Object setting = nativeQuery("SELECT current_setting('sapphire.tenant_id', true)").getSingleResult();
        return setting == null ? "" : setting.toString();
    }

    private Query nativeQuery(String sql) {
        return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }

    private static void overwrite(Object target, Class<?> declaring, String name, Object value) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
