package jp.sapphire.expense.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.tenant.control.TenantContext;

/** The calling member's expense reports (経費申請). */
@Stateless
public class ExpenseReports {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    private final Clock clock = Clock.systemUTC();

    public ExpenseReport draft(String title) {
        ExpenseReport report = new ExpenseReport(tenants.requireCaller().memberId(), title, clock.instant());
        em.persist(report);
        return report;
    }

    public List<ExpenseReport> mine() {
        return em.createNamedQuery(ExpenseReport.BY_OWNER, ExpenseReport.class)
                .setParameter("owner", tenants.requireCaller().memberId())
                .getResultList();
    }

    public Optional<ExpenseReport> find(UUID id) {
        return Optional.ofNullable(em.find(ExpenseReport.class, id));
    }
}
