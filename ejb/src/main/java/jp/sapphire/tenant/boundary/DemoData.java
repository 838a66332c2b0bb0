package jp.sapphire.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.entity.Member;

/**
 * Members and reports of the demo tenant, written in the demo tenant's own transaction so that
 * both tenancy locks apply to the seed exactly as to a member's work.
 */
@Stateless
public class DemoData {

    /** Issuer of the local IdP the run command starts for the demo tenant. */
    public static final String ISSUER = "http://localhost:8090/demo";

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Seeds the current tenant unless it already has members; tells whether it did. */
    public boolean seedIfEmpty() {
        if (em.createQuery("SELECT COUNT(m) FROM Member m", Long.class).getSingleResult() > 0) {
            return false;
        }
        Instant now = clock.instant();
        Member employee = member("yamada", "山田 太郎", now);
        member("sato", "佐藤 花子", now);
        member("suzuki", "鈴木 一郎", now);
        member("tanaka", "田中 美咲", now);
        // Reports refer to their owner by id only, so EclipseLink cannot order the inserts itself.
        em.flush();
        for (String title : List.of("10月 大阪出張", "顧客との会食 (11/12)", "書籍購入")) {
            em.persist(new ExpenseReport(employee.getId(), title, now));
        }
        return true;
    }

    private Member member(String subject, String name, Instant now) {
        Member member = new Member(ISSUER, subject, name, subject + "@demo.example", now);
        em.persist(member);
        return member;
    }
}
