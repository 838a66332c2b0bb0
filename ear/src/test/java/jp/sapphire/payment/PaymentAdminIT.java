package jp.sapphire.payment;

import static jp.sapphire.it.AdminCompany.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.sapphire.it.AdminCompany;
import jp.sapphire.it.ApiClient;
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
 * The admin console's payment pages: the payer with its fields checked and its name made bank kana,
 * the expense policy, members' bank accounts imported from CSV (all or nothing) and shown masked,
 * every change in the privileged activity log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentAdminIT {

    @RegisterExtension
    static final TestIdp idp = new TestIdp(false);

    @Deployment
    static EnterpriseArchive deployment() {
        return SapphireDeployment.withTests();
    }

    @Test
    void thePayerIsCheckedFieldByFieldAndItsNameIsWrittenInBankKana() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = SignInFlow.signedIn(idp, company.tenant(), "admin");
        String page = ADMIN + "payer.xhtml";

        String refused = Pages.submit(admin, page, "payer", "save", Map.of("requesterCode", "12345", "requesterName", "株式会社サファイア",
                "bankCode", "5", "branchCode", "001", "accountType", "1", "accountNumber", "123")).body();
        assertThat(refused).contains("依頼人コードは10桁の数字で入力してください").contains("「株」は銀行に送れない文字です。")
                .contains("銀行コードは4桁の数字で入力してください。").contains("口座番号は7桁の数字で入力してください");
        assertThat(Superuser.column("SELECT requester_code FROM payer_settings WHERE tenant_id = ?", company.tenant().id())).isEmpty();

        String saved = Pages.submit(admin, page, "payer", "save", Map.of("requesterCode", "0123456789",
                "requesterName", "カ）サファイア", "bankCode", "0005", "bankName", "みつびし", "branchCode", "001",
                "accountType", "1", "accountNumber", "1234567")).body();
        assertThat(saved).contains("依頼人を保存しました。");
        assertThat(Superuser.column("SELECT requester_name || '|' || bank_name || '|' || line_breaks FROM payer_settings"
                + " WHERE tenant_id = ?", company.tenant().id())).containsExactly("ｶ)ｻﾌｱｲｱ|ﾐﾂﾋﾞｼ|false");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("依頼人を変更").contains("requester=0123456789 ｶ)ｻﾌｱｲｱ");
    }

    @Test
    void thePolicyPageChangesTheRulesWithBeforeAndAfterLogged() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = SignInFlow.signedIn(idp, company.tenant(), "admin");
        String page = ADMIN + "policy.xhtml";
        assertThat(admin.get(page).body()).contains("消費税の端数処理").contains("切り捨て");

        String saved = Pages.submit(admin, page, "policy", "save", Map.of("rounding", "HALF_UP", "duplicates", "BLOCK")).body();
        assertThat(saved).contains("経費ポリシーを保存しました。");
        assertThat(Superuser.column("SELECT tax_rounding || ' ' || duplicate_policy || ' ' || receipt_required FROM expense_policy"
                + " WHERE tenant_id = ?", company.tenant().id())).containsExactly("HALF_UP BLOCK false");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("経費ポリシーを変更")
                .contains("rounding=HALF_UP duplicates=BLOCK receiptRequired=false");
        assertThat(Pages.submit(admin, page, "policy", "save", Map.of("rounding", "SOMETIMES", "duplicates", "BLOCK"))
                .statusCode()).as("a value that is not on the list").isEqualTo(200);
        assertThat(Superuser.column("SELECT tax_rounding FROM expense_policy WHERE tenant_id = ?", company.tenant().id()))
                .containsExactly("HALF_UP");

        assertThat(admin.get(page).body()).contains("承認のリマインダー").contains("リマインダーまでの営業日");
        assertThat(Pages.submit(admin, page, "reminders", "save", Map.of("reminderDays", "0", "escalationDays", "")).body())
                .contains("リマインダーまでの日数は 1〜20 の営業日で入力してください。");
        assertThat(Pages.submit(admin, page, "reminders", "save", Map.of("reminderDays", "三", "escalationDays", "")).body())
                .contains("日数は整数で入力してください。");
        assertThat(Pages.submit(admin, page, "reminders", "save", Map.of("reminderDays", "5", "escalationDays", "21")).body())
                .contains("上長へのエスカレーションまでの日数は 1〜20 の営業日で入力するか");
        assertThat(Superuser.column("SELECT reminder_days || ' ' || coalesce(escalation_days::text, '-') FROM expense_policy"
                + " WHERE tenant_id = ?", company.tenant().id())).as("nothing stored").containsExactly("3 -");
        assertThat(Pages.submit(admin, page, "reminders", "save", Map.of("reminderDays", "5", "escalationDays", "2")).body())
                .contains("経費ポリシーを保存しました。");
        assertThat(Superuser.column("SELECT reminder_days || ' ' || coalesce(escalation_days::text, '-') FROM expense_policy"
                + " WHERE tenant_id = ?", company.tenant().id())).containsExactly("5 2");
        assertThat(admin.get(ADMIN + "activity.xhtml").body()).contains("reminderDays=5 escalationDays=2");
    }

    @Test
    void bankAccountsComeFromCsvAllOrNothingAndTheAdministratorSeesThemMasked() {
        AdminCompany company = AdminCompany.create(idp);
        Browser admin = SignInFlow.signedIn(idp, company.tenant(), "admin");
        String page = ADMIN + "bank-accounts.xhtml";
        Charset sjis = Charset.forName("windows-31j");

        String form = Pages.submit(admin, page, "export", "utf8", Map.of()).body();
        assertThat(form).contains("\"yamada\",\"\",\"\",\"\",\"\",\"\"").contains("口座名義 (カナ)");

        byte[] bad = ("member,bankCode,branchCode,accountType,accountNumber,holderName\n"
                + "yamada,1,12,1,123,ヤマダ　タロウ\n"
                + "nobody,0001,001,1,1234567,ダレカ\n"
                + "admin,00001,001,3,12345678,管理　太郎\n").getBytes(sjis);
        String refused = upload(admin, page, "Shift_JIS", bad);
        assertThat(refused).contains("3行目: 社員「nobody」が見つかりません").contains("4行目: 銀行コードは4桁の数字")
                .contains("4行目: 預金種目は普通 (1)").contains("4行目: 口座番号は7桁の数字").contains("4行目: 「管」は銀行に送れない文字です。");
        assertThat(Superuser.column("SELECT masked FROM bank_account WHERE tenant_id = ?", company.tenant().id())).isEmpty();

        byte[] good = ("member,bankCode,branchCode,accountType,accountNumber,holderName\n"
                + "yamada,1,12,1,123,ヤマダ　タロウ\n"
                + "admin,0009,456,2,7654321,かんり　はなこ\n").getBytes(sjis);
        assertThat(upload(admin, page, "Shift_JIS", good)).contains("取り込みました: 追加 2件、変更 0件。")
                .contains("0001-012 ****123").contains("0009-456 ****321").doesNotContain("7654321").doesNotContain("ﾔﾏﾀﾞ");
        ApiClient yamada = ApiClient.signedIn(idp, company.tenant(), "yamada");
        assertThat(ApiClient.expect(yamada.get("/me/bank-account"), 200)).containsEntry("bankCode", "0001")
                .containsEntry("branchCode", "012").containsEntry("accountNumber", "0000123").containsEntry("holderName", "ﾔﾏﾀﾞ ﾀﾛｳ");
        assertThat(Superuser.column("SELECT encode(sealed, 'escape') FROM bank_account WHERE tenant_id = ?", company.tenant().id()))
                .as("sealed, not in clear").noneMatch(sealed -> sealed.contains("0000123") || sealed.contains("7654321"));
        String activity = admin.get(ADMIN + "activity.xhtml").body();
        assertThat(activity).contains("振込先口座をCSVで取り込み").contains("0001-012 ****123").doesNotContain("0000123");
        assertThat(new String(Pages.submit(admin, page, "export", "sjis", Map.of()).body().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1)).doesNotContain("7654321");
    }

    private static String upload(Browser admin, String page, String encoding, byte[] content) {
        return Pages.upload(admin, page, "upload", "submit", Map.of("encoding", encoding), "file", "accounts.csv", content).body();
    }
}
