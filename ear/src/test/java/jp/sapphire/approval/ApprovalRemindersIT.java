package jp.sapphire.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.approval.boundary.ApprovalReminders;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.approval.boundary.Submissions;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.it.ApprovalFixture;
import jp.sapphire.it.ApprovalFixture.Organisation;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SystemDatabase;
import jp.sapphire.it.TestSignIn;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.tenant.control.TenantContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reminders of approvals that wait, with the test clock over a week without holidays (Monday
 * 2027-03-01 to Monday 2027-03-08): the approver's digest once a day from the third business day,
 * the applicant's mail once, nothing on Saturday, nothing for a report that moved on, the
 * escalation to the approver's manager after the second period and only once, each in the
 * member's language and zone; the settings refused with a reason when out of range.
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalRemindersIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Inject
    ApprovalFixture fixture;

    @Inject
    TestSignIn signIn;

    @Inject
    TenantContext tenants;

    @Inject
    SystemDatabase database;

    @EJB
    Submissions submissions;

    @EJB
    Approvals approvals;

    @EJB
    ApprovalReminders reminders;

    @EJB
    Masters masters;

    @EJB
    ExpenseSettings settings;

    @AfterEach
    void wallClock() {
        signIn.signOut();
        TestClock.reset();
    }

    @Test
    void fromTheThirdBusinessDayTheApproverGetsOneDigestADayAndTheApplicantOneMailUntilTheReportMoves() {
        Organisation org = fixture.organisation();
        UUID report = submitted(org, "3月 大阪出張", 23_100);

        for (String day : List.of("2027-03-02T10:00", "2027-03-03T10:00")) {
            assertThat(remind(org, day)).as(day).isEqualTo(new ApprovalReminders.Sent(0, 0, 0));
        }
        assertThat(remind(org, "2027-03-04T09:00")).isEqualTo(new ApprovalReminders.Sent(1, 1, 0));
        assertThat(mails(org, "sato")).singleElement().satisfies(mail -> assertThat(mail)
                .startsWith("[SAPPHIRE] 承認待ちの経費申請が 1 件あります|")
                .contains("・3月 大阪出張 (yamada さん さん, ¥23,100): 3 営業日 (2027/03/01 から)")
                .contains("/app/approvals/report.xhtml?id=" + report));
        assertThat(mails(org, "yamada")).singleElement().satisfies(mail -> assertThat(mail)
                .startsWith("[SAPPHIRE] 承認待ちが続いています: 3月 大阪出張|")
                .contains("「課長承認」で sato さん さんの承認を待ったままです"));
        assertThat(notifications(org, "sato")).containsExactly("REMINDER");
        assertThat(notifications(org, "yamada")).containsExactly("STALLED");

        assertThat(remind(org, "2027-03-04T17:00")).as("again the same day").isEqualTo(new ApprovalReminders.Sent(0, 0, 0));
        assertThat(remind(org, "2027-03-05T09:00")).as("the next day").isEqualTo(new ApprovalReminders.Sent(1, 0, 0));
        assertThat(mails(org, "sato")).hasSize(2).last().asString().contains("4 営業日 (2027/03/01 から)");
        assertThat(remind(org, "2027-03-06T09:00")).as("Saturday").isEqualTo(new ApprovalReminders.Sent(0, 0, 0));

        at("2027-03-05T11:00");
        fixture.as(org, "sato");
        approvals.approve(report, null, null);
        signIn.signOut();
        assertThat(remind(org, "2027-03-08T09:00")).as("moved on to accounting on Friday: one business day")
                .isEqualTo(new ApprovalReminders.Sent(0, 0, 0));
        assertThat(mails(org, "sato")).hasSize(2);
        assertThat(mails(org, "yamada")).hasSize(1);
        assertThat(mails(org, "kato")).as("no escalation unless the tenant turns it on").isEmpty();
    }

    @Test
    void afterTheSecondPeriodTheApproversManagerIsToldOnceInTheirLanguageAndZone() {
        Organisation org = fixture.organisation();
        fixture.livesIn(org, "kato", ZoneId.of("America/Los_Angeles"), "en");
        tenants.callAsTenant(org.tenant().getId(), () -> masters.saveReminders(3, 2));
        submitted(org, "3月 名古屋出張", 5_000);

        assertThat(remind(org, "2027-03-04T09:00")).isEqualTo(new ApprovalReminders.Sent(1, 1, 0));
        assertThat(remind(org, "2027-03-05T09:00")).as("four business days").isEqualTo(new ApprovalReminders.Sent(1, 0, 0));
        // Monday 09:00 in Tokyo is Sunday afternoon in Los Angeles: not a business day there.
        assertThat(remind(org, "2027-03-08T09:00")).isEqualTo(new ApprovalReminders.Sent(1, 0, 0));
        assertThat(remind(org, "2027-03-09T09:00")).as("Monday in Los Angeles, the first business day there after five")
                .isEqualTo(new ApprovalReminders.Sent(1, 0, 1));
        assertThat(remind(org, "2027-03-10T09:00")).isEqualTo(new ApprovalReminders.Sent(1, 0, 0));

        assertThat(mails(org, "kato")).singleElement().satisfies(mail -> assertThat(mail)
                .startsWith("[SAPPHIRE] Approval overdue: waiting for sato さん|")
                .contains("Expense report \"3月 名古屋出張\" (¥5,000) by yamada さん is still waiting at \"課長承認\" for sato さん")
                .doesNotContain("/app/"));
        assertThat(notifications(org, "kato")).containsExactly("ESCALATED");
    }

    @Test
    void theDigestIsInTheApproversLanguageWithTheDayInTheirZone() {
        Organisation org = fixture.organisation();
        fixture.livesIn(org, "sato", ZoneId.of("America/Los_Angeles"), "en");
        submitted(org, "3月 福岡出張", 12_000);

        // Submitted Monday 10:00 in Tokyo, Sunday 17:00 in Los Angeles: Wednesday there is the third business day.
        assertThat(remind(org, "2027-03-04T09:00")).isEqualTo(new ApprovalReminders.Sent(1, 1, 0));
        assertThat(mails(org, "sato")).singleElement().satisfies(mail -> assertThat(mail)
                .startsWith("[SAPPHIRE] An expense report is waiting for your approval|")
                .contains("- 3月 福岡出張 (yamada さん, ¥12,000): 3 business days (since Feb 28, 2027)"));
    }

    @Test
    void daysOutOfRangeAreRefusedWithTheFieldAndRuleAndNothingChanges() {
        Organisation org = fixture.organisation();
        UUID tenant = org.tenant().getId();
        for (Integer[] wrong : new Integer[][] {{0, null}, {21, null}, {null, null}, {3, 0}, {3, 21}}) {
            assertThatThrownBy(() -> tenants.callAsTenant(tenant, () -> masters.saveReminders(wrong[0], wrong[1])))
                    .as(wrong[0] + "/" + wrong[1]).isInstanceOfSatisfying(InvalidInputException.class, invalid ->
                            assertThat(invalid.problems()).extracting(InputProblem::field)
                                    .containsExactly(wrong[0] == null || wrong[0] < 1 || wrong[0] > 20 ? "reminderDays" : "escalationDays"));
        }
        assertThat(tenants.callAsTenant(tenant, () -> settings.policy().getReminderDays())).isEqualTo(3);
        assertThat(tenants.callAsTenant(tenant, () -> settings.policy().getEscalationDays())).isNull();

        fixture.as(org, "sato");
        assertThatThrownBy(() -> masters.saveReminders(5, 5)).as("an approver is not an administrator")
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        signIn.signOut();
        assertThat(tenants.callAsTenant(tenant, () -> settings.policy().getReminderDays())).isEqualTo(3);
    }

    // ---------------------------------------------------------------------------------------------

    /** As yamada, on Monday 2027-03-01 at 10:00 in Tokyo: a report submitted to the route 標準. */
    private UUID submitted(Organisation org, String title, long yen) {
        at("2027-03-01T10:00");
        UUID report = fixture.draft(org, "yamada", title, yen);
        submissions.submit(report, null);
        signIn.signOut();
        return report;
    }

    /** The organisation's reminders at a time in Tokyo, run as the daily job runs them. */
    private ApprovalReminders.Sent remind(Organisation org, String tokyoTime) {
        at(tokyoTime);
        return tenants.callAsTenant(org.tenant().getId(), reminders::remind);
    }

    private static void at(String tokyoTime) {
        TestClock.freeze(LocalDateTime.parse(tokyoTime).atZone(TOKYO).toInstant());
    }

    /** The reminder mails to one of the organisation, oldest first, as "subject|body". */
    private List<String> mails(Organisation org, String name) {
        return database.column("SELECT subject || '|' || body FROM mail_outbox WHERE tenant_id = ? AND recipient = ?"
                        + " AND (subject LIKE '%承認待ち%' OR subject LIKE '%overdue%' OR subject LIKE '%waiting%'"
                        + " OR subject LIKE '%承認の遅れ%') ORDER BY created_at, id",
                org.tenant().getId(), name + "@" + org.tenant().getSlug() + ".example");
    }

    /** The kinds of the reminder notifications one of the organisation has, oldest first. */
    private List<String> notifications(Organisation org, String name) {
        return database.column("SELECT kind FROM notification WHERE tenant_id = ? AND member_id = ?"
                + " AND kind IN ('REMINDER', 'STALLED', 'ESCALATED') ORDER BY created_at, id", org.tenant().getId(), org.id(name));
    }
}
