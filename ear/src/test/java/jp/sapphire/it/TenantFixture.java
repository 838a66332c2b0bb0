package jp.sapphire.it;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.approval.boundary.Delegations;
import jp.sapphire.approval.boundary.Submissions;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.LineInput;
import jp.sapphire.expense.boundary.ReportInput;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.boundary.RoleBindings;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.expense.entity.InvoiceSpecial;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.journal.entity.JournalSettings;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.payment.boundary.BankAccounts;
import jp.sapphire.payment.boundary.PayerSetup;
import jp.sapphire.receipt.boundary.Receipts;
import jp.sapphire.tenant.boundary.TenantProvisioning;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Region;
import jp.sapphire.tenant.entity.Tenant;

/**
 * Makes a fresh tenant with a member and reports for each test, through the production
 * boundaries, and reads the database as it really is (as the provider's system role, which
 * row-level security does not filter) to see what a test did to it.
 */
@Dependent
public class TenantFixture {

    public static final String ISSUER = "https://idp.test.example/";

    /** A JPEG as far as its first bytes go, which is what the receipt check reads. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    /** A tenant made for one test: its member, signed-in identity, reports, a category, and the member's manager. */
    public record Seeded(Tenant tenant, Member member, SapphirePrincipal principal, List<UUID> reports, UUID category,
                         SapphirePrincipal manager) {

        Seeded withReport(UUID report) {
            List<UUID> all = new ArrayList<>(reports);
            all.add(report);
            return new Seeded(tenant, member, principal, all, category, manager);
        }

        public UUID tenantId() {
            return tenant.getId();
        }

        public UUID report() {
            return reports.get(0);
        }
    }

    @EJB
    TenantProvisioning provisioning;

    @Inject
    CreatedTenants created;

    @EJB
    Members members;

    @EJB
    IsolationProbe probe;

    @EJB
    IdentityProviders identityProviders;

    @EJB
    RoleBindings roleBindings;

    @Inject
    TenantMasters masters;

    @EJB
    ExpenseReports expenseReports;

    @EJB
    Submissions submissions;

    @EJB
    Receipts receipts;

    @EJB
    Delegations delegations;

    @Inject
    TestSignIn signIn;

    @EJB
    BankAccounts bankAccounts;

    @EJB
    PayerSetup payer;

    @Inject
    TenantContext tenants;

    @Inject
    SystemDatabase database;

    /** A tenant with a row in every customer-owned table: member, reports, IdP, role binding, API token. */
    public Seeded tenant(String name) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 13);
        Tenant tenant = provisioning.provision(slug, name, Region.asia);
        created.add(tenant.getId());
        Seeded seeded = tenants.callAsTenant(tenant.getId(), () -> {
            Member member = members.register(ISSUER, "sub-" + slug, name + " 太郎", slug + "@example.com");
            List<UUID> reports = probe.persistReports(member.getId(), name + " 出張", name + " 会食");
            identityProviders.configure(IdentityProviderSettings.of(ISSUER, "client-" + slug, "secret-" + slug));
            roleBindings.grant(Role.EMPLOYEE, RoleBinding.Kind.SUBJECT, "sub-" + slug);
            probe.persistApiToken(member.getId(), name + " token");
            probe.persistActivity(member.getId(), name);
            probe.persistReminder(member.getId());
            bankAccounts.importAccounts(("member,bankCode,branchCode,accountType,accountNumber,holderName\n"
                    + "sub-" + slug + ",0001,001,1,1234567,テスト　タロウ\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            payer.save(new PayerSetup.PayerInput("0123456789", "テスト", "0005", null, "001", null, 1, "7654321", true));
            probe.persistPaymentBatch(reports.get(0), member.getId());
            masters.projects("P-1," + name + " 案件,");
            masters.policy(ExpensePolicy.DuplicatePolicy.WARN, true);
            masters.label("project", "プロジェクト", "alpha", "beta");
            masters.textField("client", "顧客名", false, null);
            UUID category = masters.categories("7110,旅費交通費,GENERAL,STANDARD_10").get("7110");
            probe.persistPolicyRule(category, name + " 1件の上限");
            masters.account("7110", "旅費交通費", "", InvoiceSpecial.PUBLIC_TRANSPORT);
            masters.journal(JournalSettings.Granularity.LINE, "", JournalSettings.DepartmentAs.NAME, JournalSettings.ProjectAs.NONE);
            masters.taxNames(Software.YAYOI, TaxClass.STANDARD_10, "課税仕入10%", "課税仕入10%({percent}%)");
            Member manager = members.register(ISSUER, "manager-" + slug, name + " 課長", "manager-" + slug + "@example.com");
            UUID department = masters.departments("100," + name + " 営業部,,manager-" + slug).get("100");
            masters.place(member, department);
            masters.route(new ApprovalRoutes.RouteInput("標準ルート", 100, LocalDate.of(2020, 1, 1), null, null,
                    List.of(ApprovalRouteStep.Definition.manager("所属長承認", 1, null))));
            var principal = new SapphirePrincipal(tenant.getId(), slug, member.getId(), member.getDisplayName());
            var managerPrincipal = new SapphirePrincipal(tenant.getId(), slug, manager.getId(), manager.getDisplayName());
            return new Seeded(tenant, member, principal, reports, category, managerPrincipal);
        });
        return seeded.withReport(fullReport(seeded));
    }

    /**
     * As the member: a report with a label, a line with a custom field value and a receipt,
     * submitted along the route (snapshot, action log, a notification and a mail to the manager);
     * as the manager: a delegation to the member.
     */
    UUID fullReport(Seeded seeded) {
        signIn.as(seeded.manager());
        LocalDate today = TestClock.today(seeded.member().getTimeZone());
        delegations.delegate(seeded.member().getId(), today, today.plusDays(7));
        signIn.as(seeded.principal());
        try {
            var report = expenseReports.create(new ReportInput(seeded.tenant().getDisplayName() + " 出張精算", null, null,
                    null, Map.of("project", "alpha"), "P-1"));
            var line = expenseReports.addLine(report.getId(), report.getVersion(), new LineInput(
                    today.minusDays(1), seeded.category(), 1100L, null, null, null, null, "東京タクシー", null,
                    "顧客訪問", null, null, null, null, null, null, null, null, null, Map.of("client", "テスト顧客")));
            receipts.upload(report.getId(), line.line().getId(), "receipt.jpg", JPEG);
            submissions.submit(report.getId(), null);
            probe.persistInvoiceOverride(line.line().getId(), seeded.member().getId());
            return report.getId();
        } finally {
            signIn.signOut();
        }
    }

    /** The report's title as stored, whatever tenant asks. */
    public Optional<String> storedTitle(UUID report) {
        return database.single("SELECT title FROM expense_report WHERE id = ?", report);
    }

    /** Every table with a tenant_id column, from the catalog: new tables are included by themselves. */
    public List<String> tenantTables() {
        return database.column("SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped"
                + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1");
    }

    public long storedRows(String table, UUID tenant) {
        return database.single("SELECT count(*)::text FROM " + table + " WHERE tenant_id = ?", tenant)
                .map(Long::parseLong).orElse(0L);
    }

    public Optional<String> storedTenantOf(UUID report) {
        return database.single("SELECT tenant_id::text FROM expense_report WHERE id = ?", report);
    }

    public long storedReportsWithTitle(String title) {
        return database.single("SELECT count(*)::text FROM expense_report WHERE title = ?", title).map(Long::parseLong).orElse(0L);
    }
}
