package jp.sapphire.demo.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.admin.boundary.FormConfiguration;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.control.Workflow;
import jp.sapphire.approval.entity.ApprovalCondition;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.control.ReportActed.Before;
import jp.sapphire.expense.control.ReportActed;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.InvoiceSpecial;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.RoleBindings;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.journal.boundary.JournalSetup;
import jp.sapphire.journal.entity.JournalSettings;
import jp.sapphire.payment.boundary.BankAccounts;
import jp.sapphire.payment.boundary.PayerSetup;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Members, sign-in and reports of the demo tenant, written in the demo tenant's own transaction
 * so that both tenancy locks apply to the seed exactly as to a member's work. The demo IdP is
 * the local mock-oauth2-server the run command starts; its client secret is a demo value.
 */
@Stateless
public class DemoData {


    /** Demo users (subject at the demo IdP) and the roles bound to them. */
    static final Map<String, List<Role>> USERS = Map.of(
            "yamada", List.of(Role.EMPLOYEE),
            "sato", List.of(Role.EMPLOYEE, Role.APPROVER),
            "suzuki", List.of(Role.EMPLOYEE, Role.ACCOUNTING),
            "tanaka", List.of(Role.EMPLOYEE, Role.TENANT_ADMIN));

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    /** Issuer of the local IdP the run command starts for the demo tenant (the cluster's test names its own). */
    @Inject
    @ConfigProperty(name = "sapphire.demo.idp-issuer")
    String issuer;

    @EJB
    IdentityProviders identityProviders;

    @EJB
    RoleBindings roleBindings;

    @EJB
    ExpenseSettings settings;

    @EJB
    Masters masters;

    @EJB
    FormConfiguration form;

    @EJB
    TenantAdministration administration;

    @EJB
    BankAccounts bankAccounts;

    @EJB
    PayerSetup payer;

    @Inject
    Workflow workflow;

    @Inject
    DemoFiling filing;

    @EJB
    JournalSetup journal;

    @Inject
    Event<ReportActed> acted;

    @Inject
    Clock clock;

    /** Seeds the current tenant unless it already has members; tells whether it did. */
    public boolean seedIfEmpty() {
        if (em.createQuery("SELECT COUNT(m) FROM Member m", Long.class).getSingleResult() > 0) {
            return false;
        }
        identityProviders.configure(IdentityProviderSettings.of(issuer, "sapphire-demo", "sapphire-demo-secret")
                .withMfa(List.of("mfa"), null));
        USERS.forEach((subject, roles) -> roles.forEach(role -> roleBindings.grant(role, RoleBinding.Kind.SUBJECT, subject)));
        Instant now = clock.instant();
        Member yamada = member("yamada", "山田 太郎");
        Member sato = member("sato", "佐藤 花子");
        Member suzuki = member("suzuki", "鈴木 一郎");
        Member tanaka = member("tanaka", "田中 美咲");
        // Rows refer to each other by id only, so EclipseLink cannot order the inserts itself.
        em.flush();
        seedOrganisation(yamada, sato, suzuki, tanaka);
        Map<String, ExpenseCategory> categories = seedMasters();
        seedReports(yamada, sato, categories, now);
        seedPayments(yamada, sato, suzuki, categories, now);
        seedBooks(categories);
        return true;
    }

    /**
     * 本社 (田中) above 営業部 (佐藤) and 経理部 (鈴木); the standard route: the applicant's
     * manager, the manager above for 100,000 yen and more, then accounting. Written through the
     * admin console's boundaries, as the tenant's administrator would: departments as a CSV file.
     */
    private void seedOrganisation(Member yamada, Member sato, Member suzuki, Member tanaka) {
        masters.importDepartments(csv("""
                code,name,parent,manager
                100,本社,,tanaka
                110,営業部,100,sato
                120,経理部,100,suzuki
                """), StandardCharsets.UTF_8);
        Map<String, UUID> departments = new HashMap<>();
        masters.departments().forEach(department -> departments.put(department.getCode(), department.getId()));
        for (Map.Entry<Member, String> placed : Map.of(yamada, "110", sato, "110", suzuki, "120", tanaka, "100").entrySet()) {
            administration.changeProfile(placed.getKey().getId(), departments.get(placed.getValue()),
                    placed.getKey().getTimeZone().getId(), placed.getKey().getLocale().toLanguageTag());
        }
        form.saveRoute(null, new ApprovalRoutes.RouteInput("標準ルート", 100, LocalDate.of(2026, 1, 1), null, null, List.of(
                ApprovalRouteStep.Definition.manager("所属長承認", 1, null),
                ApprovalRouteStep.Definition.manager("部門長承認 (10万円以上)", 2,
                        new ApprovalCondition(100_000L, Set.of(), null)),
                ApprovalRouteStep.Definition.role("経理承認", Role.ACCOUNTING, null))));
        em.flush();
    }

    /** Categories (勘定科目) with their default tax class, the policy, a label, a custom field and projects. */
    private Map<String, ExpenseCategory> seedMasters() {
        masters.savePolicy(TaxRounding.TRUNCATE, ExpensePolicy.DuplicatePolicy.WARN, true, false);
        masters.importCategories(csv("""
                code,name,kind,taxClass,active
                7110,旅費交通費,TRANSPORT,STANDARD_10,true
                7120,宿泊費,LODGING,STANDARD_10,true
                7130,出張日当,PER_DIEM,STANDARD_10,true
                7210,交際費,ENTERTAINMENT,STANDARD_10,true
                7310,会議費,GENERAL,STANDARD_10,true
                7330,福利厚生費 (飲食料品),GENERAL,REDUCED_8,true
                7410,消耗品費,GENERAL,STANDARD_10,true
                7420,新聞図書費,GENERAL,STANDARD_10,true
                7510,通信費,GENERAL,STANDARD_10,true
                """), StandardCharsets.UTF_8);
        masters.importProjects(csv("""
                code,name,costCentre,active
                PJ-001,SAPPHIRE導入 (大阪),CC110,true
                PJ-002,新規開拓キャンペーン,CC110,true
                CC-120,経理部 共通,CC120,true
                """), StandardCharsets.UTF_8);
        Map<String, ExpenseCategory> categories = new LinkedHashMap<>();
        masters.categories().forEach(category -> categories.put(category.getCode(), category));
        form.saveLabel(null, new FormConfiguration.LabelInput("project", "プロジェクト", "SAPPHIRE導入\n新規開拓\n社内業務"));
        form.saveField(null, new FormConfiguration.FieldInput("client", "顧客名", CustomField.Type.TEXT, true, "",
                categories.get("7210").getId()));
        seedRules(categories);
        em.flush();
        return categories;
    }

    /** The policy rules (経費規程) a company starts with: lodging per night, entertainment per attendee, per diem. */
    private void seedRules(Map<String, ExpenseCategory> categories) {
        LocalDate from = LocalDate.of(2026, 1, 1);
        record Rule(String name, String category, PolicyRule.Basis basis, PolicyRule.Region region, long limitYen,
                    PolicyRule.Action action) {
        }
        for (Rule rule : List.of(
                new Rule("宿泊費の上限 (国内)", "7120", PolicyRule.Basis.NIGHT, PolicyRule.Region.DOMESTIC, 12_000, PolicyRule.Action.WARN),
                new Rule("宿泊費の上限 (海外)", "7120", PolicyRule.Basis.NIGHT, PolicyRule.Region.OVERSEAS, 20_000, PolicyRule.Action.WARN),
                new Rule("交際費 1人あたり", "7210", PolicyRule.Basis.ATTENDEE, PolicyRule.Region.ANY, 5_000, PolicyRule.Action.WARN),
                new Rule("出張日当 (国内)", "7130", PolicyRule.Basis.TRIP_DAY, PolicyRule.Region.DOMESTIC, 3_000, PolicyRule.Action.BLOCK),
                new Rule("出張日当 (海外)", "7130", PolicyRule.Basis.TRIP_DAY, PolicyRule.Region.OVERSEAS, 8_000, PolicyRule.Action.BLOCK))) {
            form.saveRule(null, new FormConfiguration.RuleInput(rule.name(), categories.get(rule.category()).getId(), rule.basis(),
                    rule.region(), rule.limitYen(), null, null, rule.action(), from, null));
        }
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Four reports of 山田: a trip approved by 佐藤 and waiting for accounting, a train fare waiting
     * for 佐藤, and two drafts; each with its action log, as if they had been filed in the app.
     */
    private void seedReports(Member owner, Member manager, Map<String, ExpenseCategory> categories, Instant now) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), owner.getTimeZone());

        ExpenseReport trip = filing.report(owner, "10月 大阪出張", "顧客 (大阪) への導入説明", today.minusDays(20), today.minusDays(19),
                "SAPPHIRE導入", now);
        settings.project("PJ-001").ifPresent(trip::chargeTo);
        // A rail fare needs no invoice (公共交通機関特例); the café without a registration number is 経過措置.
        filing.line(trip, today.minusDays(20), categories.get("7110"), 13_870, "JR東海", null, null, "東京", "新大阪", now);
        ExpenseLine hotel = filing.line(trip, today.minusDays(20), categories.get("7120"), 9_800, "ホテル大阪", "T3000012010001", null,
                null, null, now);
        hotel.measure(1, null, null, false, null);
        filing.line(trip, today.minusDays(19), categories.get("7310"), 1_100, "喫茶 ルポ", null, null, null, null, now);
        em.flush();
        filing.receipt(hotel, owner, "hotel-osaka.png", "HOTEL OSAKA  JPY 9,800", now);
        filing.submit(owner, trip, now);
        Before before = Before.of(trip);
        trip.approveStep(workflow.steps(trip).size(), now);
        acted.fire(new ReportActed(trip, ReportAction.APPROVED, before, null, null, "内容を確認しました。", manager.getId()));
        workflow.tellDeciders(trip);

        ExpenseReport train = filing.report(owner, "名古屋 日帰り出張", "展示会の視察", today.minusDays(2), today.minusDays(2),
                "新規開拓", now);
        filing.line(train, today.minusDays(2), categories.get("7110"), 22_180, "JR東海", "T7000012050002", null, "東京", "名古屋", now);
        filing.submit(owner, train, now);
        workflow.tellDeciders(train);

        ExpenseReport dinner = filing.report(owner, "顧客との会食 (11/12)", null, null, null, "新規開拓", now);
        ExpenseLine meal = filing.line(dinner, today.minusDays(3), categories.get("7210"), 22_000, "料亭 さくら", null,
                "株式会社サンプル 高橋様、当社 山田", null, null, now);
        // ¥11,000 a head: beyond the ¥5,000 rule, so 山田 gives a reason before submitting.
        meal.measure(null, null, 2, false, null);
        em.flush();
        meal.setFieldValues(List.of(meal.fieldValue(settings.customFields().get(0), "株式会社サンプル")));

        ExpenseReport books = filing.report(owner, "書籍購入", null, null, null, "社内業務", now);
        filing.line(books, today.minusDays(1), categories.get("7420"), 3_520, "書店", null, null, null, null, now);
    }

    /**
     * What accounting pays: the company as payer (依頼人) at its bank, every demo member's account
     * (imported as the administrator would, as CSV with the names in full-width kana), two of
     * 山田's reports approved through every step, waiting for a payment batch, and one of 佐藤's
     * that 鈴木 has paid.
     */
    private void seedPayments(Member yamada, Member sato, Member suzuki, Map<String, ExpenseCategory> categories, Instant now) {
        payer.save(new PayerSetup.PayerInput("1234567890", "サファイアデモ（カ", "0005", "ミツビシユーエフジェイ", "001", "ホンテン", 1,
                "1234567", true));
        bankAccounts.importAccounts(csv("""
                社員 (IdPユーザーIDまたはメール),銀行コード,支店コード,預金種目,口座番号,口座名義 (カナ)
                yamada,0001,101,1,1234501,ヤマダ　タロウ
                sato,0009,202,1,2345602,サトウ　ハナコ
                suzuki,0005,001,1,3456703,スズキ　イチロウ
                tanaka,0010,303,2,4567804,タナカ　ミサキ
                """), StandardCharsets.UTF_8);
        LocalDate today = LocalDate.ofInstant(clock.instant(), yamada.getTimeZone());
        ExpenseReport taxi = filing.report(yamada, "11月 客先訪問のタクシー代", null, null, null, "新規開拓", now);
        filing.line(taxi, today.minusDays(9), categories.get("7110"), 4_620, "日本交通", "T1010001000001", null, "本社", "丸の内", now);
        filing.approvedThroughout(yamada, taxi, suzuki, now);
        ExpenseReport books = filing.report(yamada, "提案資料用の参考図書", null, null, null, "社内業務", now);
        filing.line(books, today.minusDays(6), categories.get("7420"), 8_250, "丸善", "T5010001034867", null, null, null, now);
        filing.approvedThroughout(yamada, books, suzuki, now);
        ExpenseReport supplies = filing.report(sato, "11月 文具購入", null, null, null, "社内業務", now);
        filing.line(supplies, today.minusDays(12), categories.get("7410"), 2_200, "文具のヤマモト", null, null, null, null, now);
        filing.approvedThroughout(sato, supplies, suzuki, now);
        filing.paid(supplies, suzuki, now);
    }

    /**
     * How the demo company books expenses (仕訳設定): rail fares under the 公共交通機関特例, lodging as
     * 旅費交通費 / 宿泊費 under the 出張旅費等特例, the bank's name as the sub-account of 普通預金, the
     * project as a segment; the rest under the categories' own names.
     */
    private void seedBooks(Map<String, ExpenseCategory> categories) {
        journal.saveSettings(new JournalSetup.SettingsInput(JournalSettings.Granularity.LINE, "未払金", "", "普通預金", "",
                "三菱UFJ銀行", JournalSettings.DepartmentAs.NAME, JournalSettings.ProjectAs.SEGMENT));
        journal.saveAccounts(List.of(
                new JournalSetup.AccountInput(categories.get("7110").getId(), "旅費交通費", "7110", "", InvoiceSpecial.PUBLIC_TRANSPORT),
                new JournalSetup.AccountInput(categories.get("7120").getId(), "旅費交通費", "7110", "宿泊費",
                        InvoiceSpecial.BUSINESS_TRAVEL)));
    }

    /** A demo user, with the roles of their bindings as if they had signed in once (so role steps reach them). */
    private Member member(String subject, String name) {
        Member member = new Member(issuer, subject, name, subject + "@demo.example", clock.instant());
        member.setRoles(Set.copyOf(USERS.get(subject)));
        em.persist(member);
        return member;
    }
}
