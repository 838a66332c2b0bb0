package jp.sapphire.approval.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.sapphire.approval.control.RouteResolver.ResolvedStep;
import jp.sapphire.approval.control.RouteResolver.Submission;
import jp.sapphire.approval.entity.ApprovalCondition;
import jp.sapphire.approval.entity.ApprovalRoute;
import jp.sapphire.approval.entity.ApprovalRouteStep.Definition;
import jp.sapphire.approval.entity.ApproverKind;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.ConflictException;
import org.junit.jupiter.api.Test;

/**
 * Route resolution on an organisation of 本社 (president) > 営業部 (部長 kato) > 営業1課 (課長 sato),
 * with 経理部 beside 営業部: which route, which steps, which approver.
 */
class RouteResolverTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final UUID president = UUID.randomUUID();
    private final UUID kato = UUID.randomUUID();
    private final UUID sato = UUID.randomUUID();
    private final UUID yamada = UUID.randomUUID();
    private final UUID suzuki = UUID.randomUUID();

    private final Department head = new Department("100", "本社", null, president);
    private final Department sales = new Department("110", "営業部", head.getId(), kato);
    private final Department sales1 = new Department("111", "営業1課", sales.getId(), sato);
    private final Department accounting = new Department("120", "経理部", head.getId(), suzuki);

    private final RouteResolver resolver = new RouteResolver(Stream.of(head, sales, sales1, accounting)
            .collect(Collectors.toMap(Department::getId, Function.identity())));

    @Test
    void aManagerStepNamesTheApplicantsManagerThatManyLevelsUp() {
        var route = route("標準", 100, TODAY, null, null,
                Definition.manager("課長", 1, null), Definition.manager("部長", 2, null), Definition.manager("社長", 3, null));

        assertThat(approvers(resolver.resolve(List.of(route), submission(yamada, sales1, 5_000))))
                .containsExactly(sato, kato, president);
    }

    @Test
    void anApplicantWhoManagesTheirDepartmentIsApprovedByTheManagerAbove() {
        var route = route("標準", 100, TODAY, null, null, Definition.manager("課長", 1, null), Definition.manager("部長", 2, null));

        assertThat(approvers(resolver.resolve(List.of(route), submission(sato, sales1, 5_000))))
                .containsExactly(kato, president);
    }

    @Test
    void aMemberStepNamingTheApplicantPassesToTheNextStepOrWhenLastToTheManagerAbove() {
        var middle = route("中間", 100, TODAY, null, null, Definition.member("担当役員", yamada, null),
                Definition.role("経理", Role.ACCOUNTING, null));
        var last = route("最後", 100, TODAY, null, null, Definition.member("担当役員", yamada, null));

        List<ResolvedStep> skipped = resolver.resolve(List.of(middle), submission(yamada, sales1, 5_000)).steps();
        assertThat(skipped).extracting(ResolvedStep::stepNo, ResolvedStep::kind, ResolvedStep::role)
                .containsExactly(tuple(1, ApproverKind.ROLE, Role.ACCOUNTING));
        assertThat(approvers(resolver.resolve(List.of(last), submission(yamada, sales1, 5_000)))).containsExactly(sato);
        assertThat(approvers(resolver.resolve(List.of(last), submission(sato, sales1, 5_000)))).containsExactly(yamada);
    }

    @Test
    void aRoleStepIsLeftToTheHoldersOfTheRole() {
        var route = route("標準", 100, TODAY, null, null, Definition.role("経理承認", Role.ACCOUNTING, null));

        assertThat(resolver.resolve(List.of(route), submission(yamada, sales1, 5_000)).steps())
                .extracting(ResolvedStep::approverId, ResolvedStep::role).containsExactly(tuple(null, Role.ACCOUNTING));
    }

    @Test
    void stepsApplyOnlyFromTheirAmountAndAreNumberedAgain() {
        var route = route("標準", 100, TODAY, null, null, Definition.manager("課長", 1, null),
                Definition.manager("部長 (10万円以上)", 2, new ApprovalCondition(100_000L, Set.of(), null)),
                Definition.role("経理", Role.ACCOUNTING, null));

        assertThat(resolver.resolve(List.of(route), submission(yamada, sales1, 99_999)).steps())
                .extracting(ResolvedStep::stepNo, ResolvedStep::name).containsExactly(tuple(1, "課長"), tuple(2, "経理"));
        assertThat(resolver.resolve(List.of(route), submission(yamada, sales1, 100_000)).steps())
                .extracting(ResolvedStep::stepNo, ResolvedStep::name)
                .containsExactly(tuple(1, "課長"), tuple(2, "部長 (10万円以上)"), tuple(3, "経理"));
    }

    @Test
    void aStepForSomeCategoriesAppliesWhenAnyLineHasOneOfThem() {
        var route = route("標準", 100, TODAY, null, null, Definition.manager("課長", 1, null),
                Definition.manager("部長 (交際費)", 2, new ApprovalCondition(null, Set.of("7210", "7220"), null)));

        assertThat(names(resolver.resolve(List.of(route), submission(yamada, sales1, 5_000, "7110", "7310"))))
                .containsExactly("課長");
        assertThat(names(resolver.resolve(List.of(route), submission(yamada, sales1, 5_000, "7110", "7220"))))
                .containsExactly("課長", "部長 (交際費)");
    }

    @Test
    void aDepartmentConditionHoldsForTheDepartmentAndEveryoneBelowIt() {
        var route = route("標準", 100, TODAY, null, null, Definition.manager("課長", 1, null),
                Definition.role("営業本部確認", Role.APPROVER, new ApprovalCondition(null, Set.of(), sales.getId())));

        assertThat(names(resolver.resolve(List.of(route), submission(yamada, sales1, 5_000)))).containsExactly("課長", "営業本部確認");
        assertThat(names(resolver.resolve(List.of(route), submission(UUID.randomUUID(), accounting, 5_000))))
                .containsExactly("課長");
    }

    @Test
    void theLowestPriorityAmongRoutesInEffectWhoseConditionHoldsIsChosen() {
        var standard = route("標準", 100, TODAY.minusYears(1), null, null, Definition.manager("課長", 1, null));
        var large = route("高額", 10, TODAY.minusYears(1), null, new ApprovalCondition(500_000L, Set.of(), null),
                Definition.manager("部長", 2, null));
        var salesOnly = route("営業", 50, TODAY.minusYears(1), null, new ApprovalCondition(null, Set.of(), sales.getId()),
                Definition.role("営業経理", Role.ACCOUNTING, null));

        assertThat(resolver.resolve(List.of(standard, large, salesOnly), submission(yamada, sales1, 600_000)).route())
                .isSameAs(large);
        assertThat(resolver.resolve(List.of(standard, large, salesOnly), submission(yamada, sales1, 5_000)).route())
                .isSameAs(salesOnly);
        assertThat(resolver.resolve(List.of(standard, large, salesOnly), submission(suzuki, accounting, 5_000)).route())
                .isSameAs(standard);
    }

    @Test
    void aRouteAppliesOnlyOnTheDaysItIsInEffectBothEndsIncluded() {
        var old = route("旧ルート", 10, TODAY.minusYears(1), TODAY.minusDays(1), null, Definition.manager("部長", 2, null));
        var current = route("新ルート", 20, TODAY, TODAY.plusDays(30), null, Definition.manager("課長", 1, null));
        var future = route("来期ルート", 5, TODAY.plusDays(1), null, null, Definition.role("経理", Role.ACCOUNTING, null));

        assertThat(resolver.resolve(List.of(old, current, future), submission(yamada, sales1, 5_000)).route()).isSameAs(current);
        assertThat(resolver.resolve(List.of(old, current, future),
                new Submission(yamada, sales1.getId(), 5_000, Set.of(), TODAY.minusDays(1))).route()).isSameAs(old);
        assertThat(resolver.resolve(List.of(old, current, future),
                new Submission(yamada, sales1.getId(), 5_000, Set.of(), TODAY.plusDays(30))).route()).isSameAs(future);
    }

    @Test
    void whatCannotBeResolvedRefusesTheSubmissionSayingWhat() {
        var onlyLarge = route("高額", 10, TODAY, null, new ApprovalCondition(500_000L, Set.of(), null),
                Definition.manager("部長", 2, null));
        var tooHigh = route("標準", 100, TODAY, null, null, Definition.manager("会長", 4, null));
        var nothingApplies = route("交際費", 100, TODAY, null, null,
                Definition.manager("部長", 2, new ApprovalCondition(null, Set.of("7210"), null)));

        assertRefused(() -> resolver.resolve(List.of(onlyLarge), submission(yamada, sales1, 5_000)), "sapphire.approval.no-route");
        assertRefused(() -> resolver.resolve(List.of(tooHigh), submission(yamada, sales1, 5_000)), "sapphire.approval.no-manager");
        assertRefused(() -> resolver.resolve(List.of(tooHigh), new Submission(yamada, null, 5_000, Set.of(), TODAY)),
                "sapphire.approval.no-manager");
        assertRefused(() -> resolver.resolve(List.of(nothingApplies), submission(yamada, sales1, 5_000, "7110")),
                "sapphire.approval.no-steps");
    }

    @Test
    void aCycleInTheDepartmentsEndsTheWalkInsteadOfLooping() {
        Department a = new Department("A", "A", null, kato);
        Department b = new Department("B", "B", a.getId(), sato);
        a.describe("A", "A", b.getId(), kato);
        var cyclic = new RouteResolver(Map.of(a.getId(), a, b.getId(), b));
        var route = route("標準", 100, TODAY, null, null, Definition.manager("課長", 1, null), Definition.manager("部長", 2, null));

        assertThat(approvers(cyclic.resolve(List.of(route), new Submission(yamada, b.getId(), 1, Set.of(), TODAY))))
                .containsExactly(sato, kato);
    }

    private static void assertRefused(Runnable resolution, String messageKey) {
        assertThatThrownBy(resolution::run).isInstanceOfSatisfying(ConflictException.class,
                refused -> assertThat(refused.problem().messageKey()).isEqualTo(messageKey));
    }

    private static ApprovalRoute route(String name, int priority, LocalDate from, LocalDate to, ApprovalCondition condition,
                                       Definition... steps) {
        ApprovalRoute route = new ApprovalRoute(name, priority, from, to, condition == null ? ApprovalCondition.always() : condition);
        route.setSteps(List.of(steps));
        return route;
    }

    private static Submission submission(UUID applicant, Department department, long total, String... categories) {
        return new Submission(applicant, department.getId(), total, Set.of(categories), TODAY);
    }

    private static List<UUID> approvers(RouteResolver.Resolution resolution) {
        return resolution.steps().stream().map(ResolvedStep::approverId).toList();
    }

    private static List<String> names(RouteResolver.Resolution resolution) {
        return resolution.steps().stream().map(ResolvedStep::name).toList();
    }
}
