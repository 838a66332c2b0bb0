package jp.sapphire.journal;

import static jp.sapphire.it.AdminCompany.ADMIN;
import static jp.sapphire.it.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.sapphire.it.AdminCompany;
import jp.sapphire.it.ApiClient;
import jp.sapphire.it.ApiReports;
import jp.sapphire.it.Browser;
import jp.sapphire.it.Pages;
import jp.sapphire.it.SapphireDeployment;
import jp.sapphire.it.SignInFlow;
import jp.sapphire.it.Superuser;
import jp.sapphire.it.TestIdp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin console's 仕訳設定: the journal settings, each category's account and 特例 and one
 * software's tax names, checked field by field with nothing stored on a refusal, every change in
 * the privileged activity log, the 少額特例 on the policy page, and a preview of the first rows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JournalAdminIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void theSettingsAreCheckedFieldByFieldAndEveryChangeIsLogged() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = SignInFlow.signedIn(idp, company.tenant(), "admin");
        String page = ADMIN + "journal.xhtml";
        String shown = admin.get(page).body();
        assertThat(shown).contains("仕訳設定").contains("value=\"未払金\"").contains("value=\"普通預金\"")
                .contains("7110 旅費交通費").contains("value=\"課対仕入込10%適格\"").contains("value=\"課対仕入込10%区分{percent}%\"");

        String refused = Pages.submit(admin, page, "settings", "save", Map.of("granularity", "LINE", "payableAccount", " ",
                "payableCode", "3 1", "bankAccount", "普通預金", "bankCode", "", "bankSubAccount", "", "departmentAs", "NAME",
                "projectAs", "NONE")).body();
        assertThat(refused).contains("科目名を入力してください。").contains("コードは英数字・ハイフン・下線で20文字以内で入力してください。");
        assertThat(Superuser.column("SELECT count(*)::text FROM journal_settings WHERE tenant_id = ?", company.tenant().id()))
                .containsExactly("0");

        assertThat(Pages.submit(admin, page, "settings", "save", Map.of("granularity", "REPORT", "payableAccount", "未払費用",
                "payableCode", "2130", "bankAccount", "当座預金", "bankSubAccount", "みずほ銀行", "departmentAs", "CODE",
                "projectAs", "SEGMENT", "bankCode", "")).body()).contains("仕訳設定を保存しました。");
        assertThat(Superuser.column("SELECT granularity || '|' || payable_account || '|' || payable_code || '|' || bank_account"
                + " || '|' || bank_sub_account || '|' || department_as || '|' || project_as FROM journal_settings WHERE tenant_id = ?",
                company.tenant().id())).containsExactly("REPORT|未払費用|2130|当座預金|みずほ銀行|CODE|SEGMENT");

        String wrongAccount = Pages.submit(admin, page, "accounts", "save", Map.of("table:0:accountName", "",
                "table:0:accountCode", "71 10", "table:0:special", "NONE", "table:1:special", "NONE", "table:2:special", "NONE",
                "table:3:special", "NONE")).body();
        assertThat(wrongAccount).contains("科目名を入力してください。").contains("コードは英数字");
        assertThat(Superuser.column("SELECT count(*)::text FROM category_accounting WHERE tenant_id = ?", company.tenant().id()))
                .containsExactly("0");
        assertThat(Pages.submit(admin, page, "accounts", "save", Map.of("table:0:accountName", "旅費交通費",
                "table:0:subAccount", "電車", "table:0:special", "PUBLIC_TRANSPORT", "table:1:special", "NONE",
                "table:2:special", "NONE", "table:3:special", "BUSINESS_TRAVEL")).body()).contains("仕訳設定を保存しました。");
        assertThat(Superuser.column("SELECT c.code || '|' || a.account_name || '|' || a.sub_account || '|' || a.invoice_special"
                        + " FROM category_accounting a JOIN expense_category c ON c.id = a.category_id WHERE a.tenant_id = ? ORDER BY c.code",
                company.tenant().id())).first().isEqualTo("7110|旅費交通費|電車|PUBLIC_TRANSPORT");

        assertThat(Pages.submit(admin, page, "taxNames", "save", Map.of("software", "YAYOI", "table:0:qualified", "課税仕入10%",
                "table:0:transitional", "課税仕入10%(控除{percent}%)")).body()).contains("仕訳設定を保存しました。");
        assertThat(Superuser.column("SELECT software || '|' || tax_class || '|' || qualified_name || '|' || transitional_name"
                + " FROM journal_tax_name WHERE tenant_id = ?", company.tenant().id()))
                .containsExactly("YAYOI|STANDARD_10|課税仕入10%|課税仕入10%(控除{percent}%)");
        assertThat(Pages.submit(admin, page, "taxNames", "save", Map.of("software", "YAYOI", "table:1:qualified", "")).body())
                .contains("科目名を入力してください。");

        String activity = admin.get(ADMIN + "activity.xhtml").body();
        assertThat(activity).contains("仕訳設定を変更").contains("granularity=REPORT payable=未払費用/2130")
                .contains("勘定科目の対応を変更").contains("7110=旅費交通費/電車/PUBLIC_TRANSPORT").contains("税区分の名称を変更");
    }

    @Test
    void thePreviewShowsTheFirstRowsOfTheRecentlyApprovedReportsAndThePolicyTakesTheSmallAmountExemption() {
        AdminCompany company = AdminCompany.create(idp);
        ApiClient yamada = ApiClient.signedIn(idp, company.tenant(), "yamada");
        String report = ApiReports.submitted(company.tenant(), yamada, "プレビューの申請", 5_500);
        expect(ApiClient.signedIn(idp, company.tenant(), "sato").post("/reports/" + report + "/approve", "{}", "*"), 200);
        Browser admin = SignInFlow.signedIn(idp, company.tenant(), "admin");
        String page = ADMIN + "journal.xhtml";

        String preview = Pages.submit(admin, page, "taxNames", "preview", Map.of("software", "MF")).body();
        int table = preview.indexOf("id=\"preview-table\"");
        assertThat(table).as("the preview is shown").isPositive();
        assertThat(preview.substring(table, preview.indexOf("</table>", table))).contains(">取引No<").contains(">消耗品費<")
                .contains(">課税仕入 10%<").contains(">5500<").contains("yamada さん プレビューの申請");

        String policy = ADMIN + "policy.xhtml";
        assertThat(Pages.submit(admin, policy, "policy", "save", Map.of("rounding", "TRUNCATE", "duplicates", "WARN",
                "receiptRequired", "true", "smallAmount", "true")).body()).contains("経費ポリシーを保存しました。");
        assertThat(Superuser.column("SELECT small_amount_exemption::text FROM expense_policy WHERE tenant_id = ?",
                company.tenant().id())).containsExactly("true");
        Map<String, Object> line = ApiClient.object(ApiClient.list(expect(yamada.get("/reports/" + report), 200).get("lines"))
                .get(0).get("invoice"));
        assertThat(line).as("¥5,500 without a registration number, now under the 少額特例")
                .containsEntry("status", "SMALL_AMOUNT").containsEntry("deductiblePercent", 100L);
    }
}
