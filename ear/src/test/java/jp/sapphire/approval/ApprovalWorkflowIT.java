package jp.sapphire.approval;

import static jp.sapphire.it.clock.TestClock.TOKYO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import jp.sapphire.actionlog.boundary.ActionLog;
import jp.sapphire.actionlog.control.LoggedAction;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.approval.boundary.Delegations;
import jp.sapphire.approval.boundary.Submissions;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.entity.ApprovalCondition;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.LineInput;
import jp.sapphire.expense.boundary.ReportInput;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.it.ApprovalFixture.Organisation;
import jp.sapphire.it.ApprovalFixture;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.TestSignIn;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.notification.boundary.Notifications;
import jp.sapphire.notification.entity.Notification;
import jp.sapphire.notification.entity.NotificationKind;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.platform.control.Refusal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The approval workflow through its boundaries, as each person of a small organisation signed in
 * with their roles: every state against every action, routes as they resolve and as they change,
 * self-approval, delegation, bulk approval, and who may read what.
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalWorkflowIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Inject
    ApprovalFixture fixture;

    @Inject
    TestSignIn signIn;

    @EJB
    ExpenseReports reports;

    @EJB
    Submissions submissions;

    @EJB
    Approvals approvals;

    @EJB
    Delegations delegations;

    @EJB
    ActionLog actionLog;

    @EJB
    Notifications notifications;

    private Organisation org;

    @BeforeEach
    void organisation() {
        org = fixture.organisation();
    }

    @AfterEach
    void signOut() {
        signIn.signOut();
        TestClock.reset();
    }

    /** Today for the organisation's members, who live in Tokyo. */
    private static LocalDate today() {
        return TestClock.today(TOKYO);
    }

    /** Where a report stands: its state and, while in approval, its step. */
    private record Stand(ReportStatus status, Integer step) {

        @Override
        public String toString() {
            return step == null ? status.name() : status + "@" + step;
        }
    }

    private static final Stand DRAFT = new Stand(ReportStatus.DRAFT, null);
    private static final Stand AT_1 = new Stand(ReportStatus.SUBMITTED, 1);
    private static final Stand AT_2 = new Stand(ReportStatus.SUBMITTED, 2);
    private static final Stand RETURNED = new Stand(ReportStatus.RETURNED, null);
    private static final Stand APPROVED = new Stand(ReportStatus.APPROVED, null);
    private static final Stand REJECTED = new Stand(ReportStatus.REJECTED, null);
    private static final Stand WITHDRAWN = new Stand(ReportStatus.WITHDRAWN, null);
    private static final Stand PAID = new Stand(ReportStatus.PAID, null);

    private enum Action {
        SUBMIT, WITHDRAW, APPROVE, RETURN_TO_APPLICANT, RETURN_TO_STEP_1, REJECT, PAY
    }

    @Test
    void everyStateAgainstEveryActionMovesAsTheTableSaysOrChangesNothing() {
        // Allowed moves: state → action → where the report ends up, and what the log says.
        Map<Stand, Map<Action, Stand>> allowed = Map.of(
                DRAFT, Map.of(Action.SUBMIT, AT_1),
                AT_1, Map.of(Action.WITHDRAW, WITHDRAWN, Action.APPROVE, AT_2, Action.RETURN_TO_APPLICANT, RETURNED,
                        Action.REJECT, REJECTED),
                AT_2, Map.of(Action.APPROVE, APPROVED, Action.RETURN_TO_APPLICANT, RETURNED, Action.RETURN_TO_STEP_1, AT_1,
                        Action.REJECT, REJECTED),
                RETURNED, Map.of(Action.SUBMIT, AT_1),
                APPROVED, Map.of(Action.PAY, PAID),
                REJECTED, Map.of(),
                WITHDRAWN, Map.of(Action.SUBMIT, AT_1),
                PAID, Map.of());
        Map<Action, String> logged = Map.of(Action.SUBMIT, "SUBMITTED", Action.WITHDRAW, "WITHDRAWN", Action.APPROVE, "APPROVED",
                Action.RETURN_TO_APPLICANT, "RETURNED", Action.RETURN_TO_STEP_1, "RETURNED", Action.REJECT, "REJECTED",
                Action.PAY, "PAID");
        // Every pair is tried and every difference collected, so one run shows the whole table.
        List<String> wrong = new ArrayList<>();
        for (Stand from : List.of(DRAFT, AT_1, AT_2, RETURNED, APPROVED, REJECTED, WITHDRAWN, PAID)) {
            for (Action action : Action.values()) {
                UUID report = reportAt(from);
                List<String> before = fixture.loggedActions(report);
                long version = stored(report).getVersion();
                Stand expected = allowed.get(from).get(action);
                String pair = from + " × " + action;
                try {
                    act(action, report);
                    List<String> after = fixture.loggedActions(report);
                    check(wrong, pair + " was allowed, should be refused", expected != null);
                    check(wrong, pair + " ends at " + stand(report) + ", not " + expected, stand(report).equals(expected));
                    check(wrong, pair + " logged " + after.subList(before.size(), after.size()),
                            after.size() == before.size() + 1 && after.get(after.size() - 1).equals(logged.get(action)));
                } catch (Refusal | InvalidInputException refused) {
                    check(wrong, pair + " was refused (" + refused.getMessage() + "), should reach " + expected, expected == null);
                    String message = problemOf(refused);
                    check(wrong, pair + " refused without a message in words: " + message,
                            !message.isBlank() && !message.startsWith("sapphire."));
                    check(wrong, pair + " refused but changed the report", stand(report).equals(from)
                            && stored(report).getVersion() == version);
                    check(wrong, pair + " refused but logged", fixture.loggedActions(report).equals(before));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachStepIsDecidedByItsApproverAndTheLogSaysWhoDidWhatFromWhichStateToWhich() {
        UUID report = reportAt(AT_1);
        assertThat(pendingFor("sato")).containsExactly(report);
        assertThat(pendingFor("suzuki")).isEmpty();
        fixture.as(org, "suzuki");
        assertThatThrownBy(() -> approvals.approve(report, null, null)).isInstanceOf(NotPermittedException.class);

        fixture.as(org, "sato");
        approvals.approve(report, null, "確認しました");
        assertThat(pendingFor("sato")).isEmpty();
        assertThat(pendingFor("suzuki")).containsExactly(report);
        assertThat(pendingFor("takahashi")).containsExactly(report);
        fixture.as(org, "takahashi");
        approvals.approve(report, null, null);

        fixture.as(org, "yamada");
        List<LoggedAction> log = actionLog.ofReport(report);
        assertThat(log).extracting(entry -> entry.entry().getAction().name(), LoggedAction::actorName,
                        entry -> String.valueOf(entry.entry().getStatusBefore()), entry -> String.valueOf(entry.entry().getStatusAfter()),
                        entry -> entry.entry().getComment())
                .containsExactly(
                        tuple("CREATED", "yamada さん", "null", "DRAFT", null),
                        tuple("LINE_ADDED", "yamada さん", "DRAFT", "DRAFT", null),
                        tuple("SUBMITTED", "yamada さん", "DRAFT", "SUBMITTED", null),
                        tuple("APPROVED", "sato さん", "SUBMITTED", "SUBMITTED", "確認しました"),
                        tuple("APPROVED", "takahashi さん", "SUBMITTED", "APPROVED", null));
        assertThat(log.get(3).entry().getStepBefore()).isEqualTo(1);
        assertThat(log.get(3).entry().getStepAfter()).isEqualTo(2);
        assertThat(log).extracting(entry -> entry.entry().getSeq()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aManagerFilingTheirOwnReportIsApprovedByTheManagerAbove() {
        UUID report = fixture.draft(org, "sato", "課長の出張", 8_000);
        submissions.submit(report, null);

        assertThat(pendingFor("sato")).isEmpty();
        assertThat(pendingFor("kato")).containsExactly(report);
        fixture.as(org, "sato");
        assertThat(approvals.route(report)).extracting(Approvals.RouteStep::approverName).first().isEqualTo("kato さん");
        assertThatThrownBy(() -> approvals.approve(report, null, null)).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void nobodyDecidesOnTheirOwnReportEvenWhenTheyHoldTheStepsRole() {
        UUID report = fixture.draft(org, "suzuki", "経理担当の立替", 3_000);
        submissions.submit(report, null);
        fixture.as(org, "sato");
        assertThat(approvals.pending(Approvals.PendingFilter.none())).isEmpty();
        fixture.as(org, "kato");
        approvals.approve(report, null, null);

        assertThat(pendingFor("suzuki")).isEmpty();
        fixture.as(org, "suzuki");
        assertThatThrownBy(() -> approvals.approve(report, null, null)).isInstanceOfSatisfying(NotPermittedException.class,
                refused -> assertThat(refused.problem().messageKey()).isEqualTo("sapphire.approval.own-report"));
        assertThat(pendingFor("takahashi")).containsExactly(report);
    }

    @Test
    void stepsApplyByAmountAndCategoryAsTheyStandAtSubmission() {
        fixture.as(org, "sato");
        fixture.defineRoute(org, new ApprovalRoutes.RouteInput("高額・交際費", 10, LocalDate.of(2020, 1, 1), null, null, List.of(
                ApprovalRouteStep.Definition.manager("課長承認", 1, null),
                ApprovalRouteStep.Definition.manager("部長承認 (5万円以上)", 2, new ApprovalCondition(50_000L, Set.of(), null)),
                ApprovalRouteStep.Definition.role("経理承認", Role.ACCOUNTING, null))));
        UUID small = fixture.draft(org, "yamada", "少額", 49_999);
        UUID large = fixture.draft(org, "yamada", "高額", 50_000);
        submissions.submit(small, null);
        submissions.submit(large, null);

        assertThat(approvals.route(small)).extracting(Approvals.RouteStep::name).containsExactly("課長承認", "経理承認");
        assertThat(approvals.route(large)).extracting(Approvals.RouteStep::name)
                .containsExactly("課長承認", "部長承認 (5万円以上)", "経理承認");
        assertThat(approvals.route(large)).extracting(Approvals.RouteStep::approverName).containsExactly("sato さん", "kato さん", null);
    }

    @Test
    void changingARouteLeavesReportsInFlightOnTheirSnapshotAndAppliesToTheNextSubmission() {
        UUID inFlight = reportAt(AT_1);
        fixture.as(org, "sato");
        fixture.changeRoute(org, org.route(), new ApprovalRoutes.RouteInput("標準", 100, LocalDate.of(2020, 1, 1), null, null, List.of(
                ApprovalRouteStep.Definition.member("担当者承認", org.id("tanaka"), null))));

        assertThat(pendingFor("tanaka")).isEmpty();
        fixture.as(org, "sato");
        approvals.approve(inFlight, null, null);
        assertThat(pendingFor("suzuki")).containsExactly(inFlight);
        fixture.as(org, "suzuki");
        approvals.approve(inFlight, null, null);
        assertThat(stand(inFlight)).isEqualTo(APPROVED);

        UUID next = fixture.draft(org, "yamada", "変更後", 1_000);
        submissions.submit(next, null);
        assertThat(pendingFor("tanaka")).containsExactly(next);
        assertThat(pendingFor("sato")).isEmpty();
    }

    @Test
    void aRouteIsUsedOnlyWithinItsEffectiveDates() {
        fixture.as(org, "sato");
        fixture.defineRoute(org, new ApprovalRoutes.RouteInput("来月から", 1, today().plusDays(2), null, null, List.of(
                ApprovalRouteStep.Definition.member("担当者承認", org.id("tanaka"), null))));
        fixture.defineRoute(org, new ApprovalRoutes.RouteInput("先月まで", 2, LocalDate.of(2020, 1, 1), today().minusDays(2), null,
                List.of(ApprovalRouteStep.Definition.member("担当者承認", org.id("tanaka"), null))));

        UUID report = reportAt(AT_1);

        assertThat(pendingFor("tanaka")).isEmpty();
        assertThat(pendingFor("sato")).containsExactly(report);
    }

    @Test
    void aSubmissionNoRouteResolvesIsRefusedWithAReasonAndNothingChanges() {
        fixture.as(org, "sato");
        fixture.changeRoute(org, org.route(), new ApprovalRoutes.RouteInput("標準", 100, LocalDate.of(2020, 1, 1), null, null, List.of(
                ApprovalRouteStep.Definition.manager("役員承認", 3, null))));
        UUID report = fixture.draft(org, "yamada", "承認者不在", 1_000);

        assertThatThrownBy(() -> submissions.submit(report, null)).isInstanceOfSatisfying(ConflictException.class, refused ->
                assertThat(Messages.text(refused.problem(), Locale.JAPANESE)).contains("役員承認").contains("所属長"));
        assertThat(stand(report)).isEqualTo(DRAFT);
        assertThat(fixture.loggedActions(report)).containsExactly("CREATED", "LINE_ADDED");
    }

    @Test
    void aDeputyActsForTheApproverOnlyWithinThePeriodAndTheLogSaysOnWhoseBehalf() {
        UUID report = reportAt(AT_1);
        fixture.as(org, "sato");
        delegations.delegate(org.id("tanaka"), today().plusDays(1), today().plusDays(5));

        assertThat(pendingFor("tanaka")).isEmpty();
        fixture.as(org, "tanaka");
        assertThatThrownBy(() -> approvals.approve(report, null, null)).isInstanceOf(NotFoundException.class);

        fixture.as(org, "sato");
        delegations.delegate(org.id("tanaka"), today(), today());
        fixture.as(org, "tanaka");
        List<Approvals.Pending> pending = approvals.pending(Approvals.PendingFilter.none());
        assertThat(pending).extracting(p -> p.report().getId()).containsExactly(report);
        assertThat(pending.get(0).onBehalfOf()).isEqualTo(org.id("sato"));
        approvals.approve(report, null, "代理で承認します");

        fixture.as(org, "yamada");
        LoggedAction approval = actionLog.ofReport(report).stream()
                .filter(entry -> entry.entry().getAction().name().equals("APPROVED")).findFirst().orElseThrow();
        assertThat(approval.actorName()).isEqualTo("tanaka さん");
        assertThat(approval.onBehalfOfName()).isEqualTo("sato さん");
    }

    @Test
    void aDelegationIsCheckedForWhoAndWhen() {
        fixture.as(org, "sato");
        assertThatThrownBy(() -> delegations.delegate(org.id("sato"), today(), today()))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.problems())
                        .extracting(InputProblem::field, InputProblem::messageKey)
                        .containsExactly(tuple("deputyId", "sapphire.delegation.deputy.self")));
        assertThatThrownBy(() -> delegations.delegate(org.id("tanaka"), today().minusDays(5), today().minusDays(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.problems())
                        .extracting(InputProblem::field).containsExactly("validTo"));
        assertThatThrownBy(() -> delegations.delegate(UUID.randomUUID(), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.problems())
                        .extracting(InputProblem::field).containsExactlyInAnyOrder("deputyId", "validFrom", "validTo"));
        assertThat(delegations.mine()).isEmpty();
    }

    @Test
    void bulkApprovalApprovesWhatItCanAndNamesTheRestWithTheReason() {
        UUID first = reportAt(AT_1);
        UUID second = reportAt(AT_1);
        UUID movedOn = reportAt(AT_1);
        fixture.as(org, "sato");
        approvals.approve(movedOn, null, null);

        Map<UUID, Refusal> refused = approvals.approveAll(List.of(first, second, movedOn));

        assertThat(refused).containsOnlyKeys(movedOn);
        assertThat(refused.get(movedOn).problem().messageKey()).isEqualTo("sapphire.approval.not-your-step");
        assertThat(stand(first)).isEqualTo(AT_2);
        assertThat(stand(second)).isEqualTo(AT_2);
        assertThat(stand(movedOn)).isEqualTo(AT_2);
    }

    @Test
    void anApproversCommentOnALineReachesTheApplicantAndEndsTheirChanceToWithdraw() {
        UUID report = reportAt(AT_1);
        fixture.as(org, "sato");
        UUID line = reports.get(report).getLines().get(0).getId();
        assertThatThrownBy(() -> approvals.commentOnLine(report, line, " ")).isInstanceOf(InvalidInputException.class);
        approvals.commentOnLine(report, line, "領収書の宛名を確認してください");

        fixture.as(org, "yamada");
        assertThat(notifications.mine()).extracting(Notification::getKind, Notification::getComment)
                .contains(tuple(NotificationKind.COMMENTED, "領収書の宛名を確認してください"));
        assertThatThrownBy(() -> submissions.withdraw(report, null)).isInstanceOfSatisfying(ConflictException.class,
                refused -> assertThat(refused.problem().messageKey()).isEqualTo("sapphire.report.withdraw.acted"));
        assertThat(stand(report)).isEqualTo(AT_1);
    }

    @Test
    void approversOnTheRouteReadTheReportItsReceiptsAndLogWhileOthersFindNothing() {
        UUID report = reportAt(AT_1);
        fixture.as(org, "sato");
        assertThat(reports.get(report).getTitle()).isNotBlank();
        assertThat(actionLog.ofReport(report)).isNotEmpty();

        fixture.as(org, "tanaka");
        assertThatThrownBy(() -> reports.get(report)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actionLog.ofReport(report)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> approvals.route(report)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> approvals.reject(report, null, "x")).isInstanceOf(NotFoundException.class);

        fixture.as(org, "kato");
        assertThatThrownBy(() -> reports.get(report)).isInstanceOf(NotFoundException.class);
        fixture.as(org, "takahashi");
        assertThat(reports.get(report).getTitle()).isNotBlank();
    }

    @Test
    void theInboxFiltersByApplicantDayAndAmount() {
        UUID small = fixture.draft(org, "yamada", "少額", 1_000);
        submissions.submit(small, null);
        UUID large = fixture.draft(org, "yamada", "高額", 90_000);
        submissions.submit(large, null);
        fixture.as(org, "sato");

        assertThat(ids(approvals.pending(new Approvals.PendingFilter("YAMADA", null, null, null)))).containsExactly(small, large);
        assertThat(ids(approvals.pending(new Approvals.PendingFilter("鈴木", null, null, null)))).isEmpty();
        assertThat(ids(approvals.pending(new Approvals.PendingFilter(null, null, null, 50_000L)))).containsExactly(large);
        assertThat(ids(approvals.pending(new Approvals.PendingFilter(null, today().plusDays(1), null, null)))).isEmpty();
        assertThat(ids(approvals.pending(new Approvals.PendingFilter("%", null, null, null)))).isEmpty();
    }

    @Test
    void aDelegationEndingTodayInTokyoStillHoldsAt2359AndEndsAtMidnight() {
        LocalDate day = today();
        Instant midnight = day.plusDays(1).atStartOfDay(TOKYO).toInstant();
        TestClock.freeze(midnight.minusSeconds(1));
        UUID report = reportAt(AT_1);
        fixture.as(org, "sato");
        delegations.delegate(org.id("tanaka"), day, day);

        fixture.as(org, "tanaka");
        assertThat(ids(approvals.pending(Approvals.PendingFilter.none()))).as("23:59:59 in Tokyo").containsExactly(report);

        TestClock.move(Duration.ofSeconds(1));
        assertThat(ids(approvals.pending(Approvals.PendingFilter.none()))).as("00:00:00 in Tokyo").isEmpty();
        assertThatThrownBy(() -> approvals.approve(report, null, null)).isInstanceOf(NotFoundException.class);
        fixture.as(org, "sato");
        assertThat(delegations.mine()).as("a delegation that has ended is no longer listed").isEmpty();
    }

    @Test
    void theInboxSubmittedOnFilterIsTheDayInTheApproversZone() {
        // 00:30 on a Tokyo day is still the evening before in UTC and in Los Angeles.
        LocalDate tokyoDay = today().minusDays(3);
        TestClock.freeze(tokyoDay.atTime(0, 30).atZone(TOKYO).toInstant());
        UUID report = fixture.draft(org, "yamada", "深夜の申請", 3_000);
        submissions.submit(report, null);
        TestClock.reset();

        fixture.as(org, "sato");
        assertThat(ids(approvals.pending(new Approvals.PendingFilter(null, tokyoDay, tokyoDay, null)))).containsExactly(report);
        assertThat(ids(approvals.pending(new Approvals.PendingFilter(null, tokyoDay.minusDays(1), tokyoDay.minusDays(1), null))))
                .isEmpty();

        fixture.livesIn(org, "sato", ZoneId.of("America/Los_Angeles"), "ja");
        fixture.as(org, "sato");
        assertThat(ids(approvals.pending(new Approvals.PendingFilter(null, tokyoDay, tokyoDay, null)))).isEmpty();
        assertThat(ids(approvals.pending(new Approvals.PendingFilter(null, tokyoDay.minusDays(1), tokyoDay.minusDays(1), null))))
                .containsExactly(report);
    }

    @Test
    void aLosAngelesMembersDayFollowsDaylightSavingTime() {
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        fixture.livesIn(org, "yamada", losAngeles, "ja");
        // Daylight saving time began at 02:00 PST on 14 March 2027: that day ends at 07:00 UTC, not 08:00.
        LocalDate march14 = LocalDate.of(2027, 3, 14);
        TestClock.freeze(Instant.parse("2027-03-14T10:30:00Z"));
        assertThat(lineDatedAccepted(march14)).as("03:30 PDT on the 14th: the 14th").isTrue();
        assertThat(lineDatedAccepted(march14.plusDays(1))).as("03:30 PDT on the 14th: the 15th is tomorrow").isFalse();

        TestClock.freeze(Instant.parse("2027-03-15T06:59:59Z"));
        assertThat(lineDatedAccepted(march14.plusDays(1))).as("23:59:59 PDT on the 14th").isFalse();
        TestClock.freeze(Instant.parse("2027-03-15T07:00:00Z"));
        assertThat(lineDatedAccepted(march14.plusDays(1))).as("00:00 PDT on the 15th (23:00 in PST)").isTrue();
    }

    @Test
    void aRouteTakesEffectAtMidnightInTokyoAfterTheFiscalYearEnds() {
        // 31 March is the last day of the fiscal year; a route for the new year starts on 1 April.
        LocalDate april1 = LocalDate.of(2027, 4, 1);
        fixture.as(org, "sato");
        fixture.defineRoute(org, new ApprovalRoutes.RouteInput("新年度", 1, april1, null, null, List.of(
                ApprovalRouteStep.Definition.member("担当者承認", org.id("tanaka"), null))));
        Instant newYear = april1.atStartOfDay(TOKYO).toInstant();

        TestClock.freeze(newYear.minusSeconds(1));
        UUID lastOfTheYear = reportAt(AT_1);
        TestClock.freeze(newYear);
        UUID firstOfTheYear = reportAt(AT_1);

        assertThat(pendingFor("sato")).containsExactly(lastOfTheYear);
        assertThat(pendingFor("tanaka")).containsExactly(firstOfTheYear);
    }

    /** Whether a line dated {@code day} is accepted for yamada now (a line in the future is refused). */
    private boolean lineDatedAccepted(LocalDate day) {
        fixture.as(org, "yamada");
        var report = reports.create(new ReportInput("日付 " + day, null, null, null, Map.of()));
        try {
            reports.addLine(report.getId(), null, new LineInput(day, org.category(), 1_000L, null, null, null, null,
                    "文具店", null, null, null, null, null, null, null, null, null, null, null, Map.of()));
            return true;
        } catch (InvalidInputException refused) {
            assertThat(refused.problems()).extracting(InputProblem::field, InputProblem::messageKey)
                    .containsExactly(tuple("spentOn", "sapphire.line.date.future"));
            return false;
        }
    }

    private static void check(List<String> wrong, String what, boolean holds) {
        if (!holds) {
            wrong.add(what);
        }
    }

    /** A fresh report of yamada's, brought to where it stands by the people whose turn it is. */
    private UUID reportAt(Stand stand) {
        UUID report = fixture.draft(org, "yamada", "出張 " + stand, 5_000);
        if (stand == DRAFT) {
            return report;
        }
        submissions.submit(report, null);
        Map<Stand, Function<UUID, Object>> rest = Map.of(
                AT_1, id -> null,
                AT_2, id -> decide("sato", () -> approvals.approve(id, null, null)),
                RETURNED, id -> decide("sato", () -> approvals.sendBack(id, null, "領収書が不足", null)),
                REJECTED, id -> decide("sato", () -> approvals.reject(id, null, "対象外の経費")),
                WITHDRAWN, id -> {
                    submissions.withdraw(id, null);
                    return null;
                },
                APPROVED, id -> approved(id),
                PAID, id -> {
                    approved(id);
                    return decide("takahashi", () -> approvals.markPaid(id, null));
                });
        rest.get(stand).apply(report);
        assertThat(stand(report)).as("set-up of " + stand).isEqualTo(stand);
        return report;
    }

    private Object approved(UUID report) {
        decide("sato", () -> approvals.approve(report, null, null));
        return decide("suzuki", () -> approvals.approve(report, null, null));
    }

    private Object decide(String who, Runnable decision) {
        fixture.as(org, who);
        decision.run();
        return null;
    }

    /** Performs the action as the person it belongs to: the applicant, the approver of the step, or accounting. */
    private void act(Action action, UUID report) {
        Stand now = stand(report);
        String approver = now.equals(AT_1) ? "sato" : "suzuki";
        switch (action) {
            case SUBMIT -> decide("yamada", () -> submissions.submit(report, null));
            case WITHDRAW -> decide("yamada", () -> submissions.withdraw(report, null));
            case APPROVE -> decide(approver, () -> approvals.approve(report, null, null));
            case RETURN_TO_APPLICANT -> decide(approver, () -> approvals.sendBack(report, null, "差し戻します", null));
            case RETURN_TO_STEP_1 -> decide(approver, () -> approvals.sendBack(report, null, "課長に戻します", 1));
            case REJECT -> decide(approver, () -> approvals.reject(report, null, "却下します"));
            case PAY -> decide("takahashi", () -> approvals.markPaid(report, null));
        }
    }

    private static String problemOf(RuntimeException refused) {
        InputProblem problem = refused instanceof Refusal refusal ? refusal.problem()
                : ((InvalidInputException) refused).problems().get(0);
        return Messages.text(problem, Locale.JAPANESE);
    }

    private Stand stand(UUID report) {
        ExpenseReport stored = stored(report);
        return new Stand(stored.getStatus(), stored.getCurrentStep());
    }

    private ExpenseReport stored(UUID report) {
        fixture.as(org, "takahashi");
        return reports.get(report);
    }

    private List<UUID> pendingFor(String who) {
        fixture.as(org, who);
        return ids(approvals.pending(Approvals.PendingFilter.none()));
    }

    private static List<UUID> ids(List<Approvals.Pending> pending) {
        List<UUID> ids = new ArrayList<>();
        pending.forEach(p -> ids.add(p.report().getId()));
        return ids;
    }
}
