package jp.sapphire.it;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.LineInput;
import jp.sapphire.expense.boundary.ReportInput;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.tenant.boundary.TenantProvisioning;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Region;
import jp.sapphire.tenant.entity.Tenant;

/**
 * An organisation for approval tests, made through the production boundaries: 営業部 (部長 kato)
 * above 営業1課 (課長 sato, with yamada); 経理部 (also under kato) with suzuki and takahashi
 * (accounting) and tanaka, a colleague who may be named deputy. The route 標準: the applicant's manager, then accounting.
 * Tests sign in as these people with the roles listed, and read what the database holds as the
 * provider's system role.
 */
@Dependent
public class ApprovalFixture {

    /** Who is who in one organisation. */
    public record Organisation(Tenant tenant, Map<String, SapphirePrincipal> people, Map<String, Set<Role>> roles,
                               UUID category, UUID sales, UUID sales1, UUID route, Map<String, UUID> placement) {

        /** The department a person works in. */
        public UUID department(String name) {
            return placement.get(name);
        }

        public SapphirePrincipal person(String name) {
            return people.get(name);
        }

        public UUID id(String name) {
            return people.get(name).memberId();
        }
    }

    static final Map<String, Set<Role>> ROLES = Map.of(
            "yamada", Set.of(Role.EMPLOYEE),
            "sato", Set.of(Role.EMPLOYEE, Role.APPROVER),
            "kato", Set.of(Role.EMPLOYEE, Role.APPROVER),
            "suzuki", Set.of(Role.EMPLOYEE, Role.ACCOUNTING),
            "takahashi", Set.of(Role.EMPLOYEE, Role.ACCOUNTING),
            "tanaka", Set.of(Role.EMPLOYEE));

    @EJB
    TenantProvisioning provisioning;

    @Inject
    CreatedTenants created;

    @EJB
    Members members;

    @Inject
    TenantMasters masters;

    @EJB
    ExpenseReports reports;

    @Inject
    TestSignIn signIn;

    @Inject
    TenantContext tenants;

    @Inject
    SystemDatabase database;

    public Organisation organisation() {
        String slug = "a-" + UUID.randomUUID().toString().substring(0, 13);
        Tenant tenant = provisioning.provision(slug, "承認テスト " + slug, Region.asia);
        created.add(tenant.getId());
        return tenants.callAsTenant(tenant.getId(), () -> {
            Map<String, SapphirePrincipal> people = new LinkedHashMap<>();
            for (String name : List.of("yamada", "sato", "kato", "suzuki", "takahashi", "tanaka")) {
                Member member = members.register(TenantFixture.ISSUER, name + "-" + slug, name + " さん", name + "@" + slug + ".example");
                people.put(name, new SapphirePrincipal(tenant.getId(), slug, member.getId(), member.getDisplayName()));
            }
            for (Map.Entry<String, Set<Role>> entry : ROLES.entrySet()) {
                members.recordRoles(people.get(entry.getKey()).memberId(), entry.getValue());
            }
            Map<String, UUID> departments = masters.departments("110,営業部,,kato-" + slug, "111,営業1課,110,sato-" + slug,
                    "120,経理部,,kato-" + slug);
            Map<String, String> placed = Map.of("yamada", "111", "sato", "111", "kato", "110", "suzuki", "120",
                    "takahashi", "120", "tanaka", "120");
            placed.forEach((name, code) -> masters.profile(people.get(name).memberId(), departments.get(code), "Asia/Tokyo", "ja"));
            masters.policy(ExpensePolicy.DuplicatePolicy.WARN, false);
            UUID category = masters.categories("7410,消耗品費,GENERAL,STANDARD_10", "7210,交際費,GENERAL,STANDARD_10").get("7410");
            UUID route = masters.route(standardRoute()).getId();
            UUID sales = departments.get("110");
            UUID sales1 = departments.get("111");
            Map<String, UUID> placement = new HashMap<>();
            placed.forEach((name, code) -> placement.put(name, departments.get(code)));
            return new Organisation(tenant, Collections.unmodifiableMap(people), ROLES, category, sales, sales1, route,
                    Map.copyOf(placement));
        });
    }

    public static ApprovalRoutes.RouteInput standardRoute() {
        return new ApprovalRoutes.RouteInput("標準", 100, LocalDate.of(2020, 1, 1), null, null, List.of(
                ApprovalRouteStep.Definition.manager("課長承認", 1, null),
                ApprovalRouteStep.Definition.role("経理承認", Role.ACCOUNTING, null)));
    }

    /** Defines a route of the organisation, as its administrator would (nobody stays signed in). */
    public UUID defineRoute(Organisation organisation, ApprovalRoutes.RouteInput route) {
        signIn.signOut();
        return tenants.callAsTenant(organisation.tenant().getId(), () -> masters.route(route).getId());
    }

    /** Changes a route of the organisation, as its administrator would (nobody stays signed in). */
    public void changeRoute(Organisation organisation, UUID id, ApprovalRoutes.RouteInput route) {
        signIn.signOut();
        tenants.callAsTenant(organisation.tenant().getId(), () -> masters.changeRoute(id, route));
    }

    /** A member's time zone and language as their administrator sets them (nobody stays signed in). */
    public void livesIn(Organisation organisation, String name, java.time.ZoneId zone, String language) {
        signIn.signOut();
        tenants.callAsTenant(organisation.tenant().getId(), () -> {
            masters.profile(organisation.id(name), organisation.department(name), zone.getId(), language);
            return null;
        });
    }

    /** Signs the test request in as one of the organisation, with their roles. */
    public void as(Organisation organisation, String name) {
        signIn.as(organisation.person(name), organisation.roles().get(name).toArray(Role[]::new));
    }

    /** As {@code applicant}: a draft with one line of {@code yen}, in category 7410 unless another is named. */
    public UUID draft(Organisation organisation, String applicant, String title, long yen) {
        as(organisation, applicant);
        var report = reports.create(new ReportInput(title, null, null, null, Map.of()));
        reports.addLine(report.getId(), null, new LineInput(TestClock.today(TestClock.TOKYO).minusDays(1), organisation.category(), yen, null,
                null, null, null, "文具店 " + UUID.randomUUID().toString().substring(0, 6), null, null, null, null, null,
                null, null, null, null, null, null, Map.of()));
        return report.getId();
    }

    /** The actions logged for a report, in order, as stored. */
    public List<String> loggedActions(UUID report) {
        return database.column("SELECT action FROM action_log WHERE report_id = ? ORDER BY seq", report);
    }
}
