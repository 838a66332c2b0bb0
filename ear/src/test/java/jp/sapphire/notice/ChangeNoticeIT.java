package jp.sapphire.notice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanException;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.Browser;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.RemoteFixture;
import jp.sapphire.it.RemoteFixture.RemoteTenant;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import jp.sapphire.it.TestSmtp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whitepaper §12 as customers live through it: an operator announces a change (kind, technical
 * description, scheduled time); every tenant's administrators get it by e-mail in their language
 * and zone, every member sees it at the top of every page and on the changes page, and its
 * status (applied, cancelled) follows; bad announcements are refused and tell why.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChangeNoticeIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @RegisterExtension
    final TestSmtp smtp = new TestSmtp();

    private final List<String> published = new ArrayList<>();

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    /** Notices are for every tenant: a test leaves none of its own scheduled for the tests after it. */
    @AfterEach
    void cancelWhatIsLeft() throws Exception {
        for (String id : published) {
            try {
                OperatorJmx.notices("cancelChangeNotice", id);
            } catch (MBeanException alreadySettled) {
                // applied or cancelled by the test
            }
        }
    }

    private record Company(RemoteTenant tenant, String admin, String employee) {
    }

    private static Company company(String zone, String language) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin-" + unique;
        String employee = "yamada-" + unique;
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "EMPLOYEE:SUBJECT:" + employee, "TENANT_ADMIN:SUBJECT:" + admin, "EMPLOYEE:SUBJECT:" + admin);
        RemoteFixture.organise(idp, tenant, """
                department 100 本社 - -
                member %s 100
                member %s 100 %s %s
                """.formatted(employee, admin, zone, language));
        ApiClient.signedIn(idp, tenant, admin);
        return new Company(tenant, admin, employee);
    }

    @Test
    void aChangeIsMailedToEveryTenantsAdministratorsShownToEveryMemberAndSettled() throws Exception {
        Company english = company("America/Los_Angeles", "en");
        Company japanese = company("Asia/Tokyo", "ja");
        String title = "承認一覧の絞り込み " + UUID.randomUUID().toString().substring(0, 8);
        String description = "承認一覧に申請者と金額での絞り込みを追加します。\nAPI (/api/v1/approvals) の応答形式は変わりません。";

        refused(() -> publish("MAJOR", title, description, "2030-12-05T22:00+09:00"), "The kind must be BUG_FIX, FEATURE or OTHER");
        refused(() -> publish("FEATURE", title, " ", "2030-12-05T22:00+09:00"), "technical description of 1 to 4000");
        refused(() -> publish("FEATURE", title, description, "2020-01-01T00:00+09:00"), "a time to come");
        refused(() -> publish("FEATURE", title, description, "tomorrow"), "ISO-8601 with an offset");
        assertThat(Superuser.column("SELECT count(*)::text FROM change_notice WHERE title = ?", title)).containsExactly("0");

        String id = publish("FEATURE", title, description, "2030-12-05T22:00+09:00");

        MimeMessage toEnglish = smtp.await(TestSmtp.to(english.admin() + "@example.com", title + " (Dec 5, 2030 05:00 (America/Los_Angeles))"), 1)
                .get(0);
        assertThat(TestSmtp.subject(toEnglish)).startsWith("[SAPPHIRE] Notice of a change: " + title);
        assertThat(TestSmtp.text(toEnglish)).contains("Kind: New feature").contains("Technical description:")
                .contains("API (/api/v1/approvals)");
        MimeMessage toJapanese = smtp.await(TestSmtp.to(japanese.admin() + "@example.com", title + " (2030/12/05 22:00 (Asia/Tokyo))"), 1)
                .get(0);
        assertThat(TestSmtp.subject(toJapanese)).startsWith("[SAPPHIRE] 変更のお知らせ: " + title);
        assertThat(TestSmtp.text(toJapanese)).contains("変更種別: 機能追加").contains("予定日時: 2030/12/05 22:00 (Asia/Tokyo)")
                .contains("承認一覧に申請者と金額での絞り込みを追加します。");
        assertThat(smtp.received(mail -> TestSmtp.text(mail).contains(title)))
                .as("only administrators are mailed").noneMatch(mail -> TestSmtp.recipient(mail).startsWith("yamada-"));

        Browser employee = SignInFlow.signedIn(idp, japanese.tenant(), japanese.employee());
        String home = employee.get(SignInFlow.HOME).body();
        assertThat(home).contains("id=\"change-notices\"").contains("機能追加「" + title + "」を予定しています。");
        String changes = employee.get(Browser.SECURE + "/app/changes.xhtml").body();
        assertThat(changes).contains(title).contains("機能追加").contains("API (/api/v1/approvals)");
        assertThat(section(changes, id)).contains(">予定<");

        assertThat((String) OperatorJmx.notices("markApplied", id)).isEqualTo("change notice " + id + " applied");
        refused(() -> OperatorJmx.notices("markApplied", id), "is already APPLIED");
        assertThat(section(employee.get(Browser.SECURE + "/app/changes.xhtml").body(), id)).contains(">適用済み<");
        assertThat(employee.get(SignInFlow.HOME).body()).contains("機能追加「" + title + "」を適用しました");

        String other = publish("BUG_FIX", title + " (2)", "不具合の修正です。", "2031-01-10T03:00+09:00");
        OperatorJmx.notices("cancelChangeNotice", other);
        assertThat(section(employee.get(Browser.SECURE + "/app/changes.xhtml").body(), other)).contains(">中止<");
        assertThat(String.join("\n", (String[]) OperatorJmx.notices("listChangeNotices"))).contains(id + " FEATURE")
                .contains(other + " BUG_FIX");
        assertThat(Superuser.column("SELECT event || ' ' || outcome FROM system_audit_log WHERE detail LIKE ?", "%" + id + "%"))
                .contains("CHANGE_NOTICE_PUBLISHED SUCCESS", "CHANGE_NOTICE_SETTLED SUCCESS");
    }

    private String publish(String kind, String title, String description, String at) throws Exception {
        String answer = (String) OperatorJmx.notices("publishChangeNotice", kind, title, description, at);
        String id = answer.replace("change notice ", "");
        published.add(id);
        return id;
    }

    /** The part of the changes page about one notice. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"change-" + id + "\"");
        assertThat(start).as("the changes page shows " + id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static void refused(OperatorJmx.Operation operation, String message) {
        OperatorJmx.assertRefused(operation, message);
    }
}
