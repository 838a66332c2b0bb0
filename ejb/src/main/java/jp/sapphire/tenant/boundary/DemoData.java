package jp.sapphire.tenant.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.RoleBindings;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;

/**
 * Members, sign-in and reports of the demo tenant, written in the demo tenant's own transaction
 * so that both tenancy locks apply to the seed exactly as to a member's work. The demo IdP is
 * the local mock-oauth2-server the run command starts; its client secret is a demo value.
 */
@Stateless
public class DemoData {

    /** Issuer of the local IdP the run command starts for the demo tenant. */
    public static final String ISSUER = "http://localhost:8090/demo";

    /** Demo users (subject at the demo IdP) and the roles bound to them. */
    static final Map<String, List<Role>> USERS = Map.of(
            "yamada", List.of(Role.EMPLOYEE),
            "sato", List.of(Role.EMPLOYEE, Role.APPROVER),
            "suzuki", List.of(Role.EMPLOYEE, Role.ACCOUNTING),
            "tanaka", List.of(Role.EMPLOYEE, Role.TENANT_ADMIN));

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @EJB
    IdentityProviders identityProviders;

    @EJB
    RoleBindings roleBindings;

    private final Clock clock = Clock.systemUTC();

    /** Seeds the current tenant unless it already has members; tells whether it did. */
    public boolean seedIfEmpty() {
        if (em.createQuery("SELECT COUNT(m) FROM Member m", Long.class).getSingleResult() > 0) {
            return false;
        }
        identityProviders.configure(IdentityProviderSettings.of(ISSUER, "sapphire-demo", "sapphire-demo-secret")
                .withMfa(List.of("mfa"), null));
        USERS.forEach((subject, roles) -> roles.forEach(role -> roleBindings.grant(role, RoleBinding.Kind.SUBJECT, subject)));
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
