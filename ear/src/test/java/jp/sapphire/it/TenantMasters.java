package jp.sapphire.it;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.admin.boundary.FormConfiguration;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.entity.ApprovalRoute;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.InvoiceSpecial;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.journal.boundary.JournalSetup;
import jp.sapphire.journal.control.TaxNames;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.journal.entity.JournalSettings;

/**
 * A test tenant's masters, written the one way the product writes them: through the admin
 * console's boundaries (categories and departments as CSV files), as the provider working for the
 * tenant. Call inside {@code TenantContext.callAsTenant}, or signed in as a tenant administrator.
 */
@Dependent
public class TenantMasters {

    @EJB
    Masters masters;

    @EJB
    FormConfiguration form;

    @EJB
    TenantAdministration administration;

    @EJB
    JournalSetup journal;

    /** Tax truncated; duplicates warned of or refused; receipts required or not. */
    public void policy(ExpensePolicy.DuplicatePolicy duplicates, boolean receiptRequired) {
        masters.savePolicy(TaxRounding.TRUNCATE, duplicates, receiptRequired, false);
    }

    /** Active categories, each {@code code,name,KIND,TAX_CLASS}; answers every category's id by code. */
    public Map<String, UUID> categories(String... rows) {
        masters.importCategories(csv("code,name,kind,taxClass,active",
                Arrays.stream(rows).map(row -> row + ",true").toArray(String[]::new)), StandardCharsets.UTF_8);
        Map<String, UUID> ids = new HashMap<>();
        masters.categories().forEach(category -> ids.put(category.getCode(), category.getId()));
        return ids;
    }

    /** Books a category's lines on an account (and sub-account, empty for none), with its invoice exemption. */
    public void account(String categoryCode, String accountName, String subAccount, InvoiceSpecial special) {
        UUID category = masters.categories().stream().filter(c -> c.getCode().equals(categoryCode)).findFirst().orElseThrow().getId();
        journal.saveAccounts(List.of(new JournalSetup.AccountInput(category, accountName, "", subAccount, special)));
    }

    /** The journal settings: lines, the bank's sub-account (empty for none), 部門 and project. */
    public void journal(JournalSettings.Granularity granularity, String bankSubAccount, JournalSettings.DepartmentAs departmentAs,
                        JournalSettings.ProjectAs projectAs) {
        journal.saveSettings(new JournalSetup.SettingsInput(granularity, "未払金", "", "普通預金", "", bankSubAccount, departmentAs,
                projectAs));
    }

    /** One tax class's names in one accounting software. */
    public void taxNames(Software software, TaxClass taxClass, String qualified, String transitional) {
        journal.saveTaxNames(software, Map.of(taxClass, new TaxNames.Names(qualified, transitional)));
    }

    /** Active projects, each {@code code,name,costCentre}. */
    public void projects(String... rows) {
        masters.importProjects(csv("code,name,costCentre,active",
                Arrays.stream(rows).map(row -> row + ",true").toArray(String[]::new)), StandardCharsets.UTF_8);
    }

    /** Departments, each {@code code,name,parentCode,managerSubject} (empty for none); answers their ids by code. */
    public Map<String, UUID> departments(String... rows) {
        masters.importDepartments(csv("code,name,parent,manager", rows), StandardCharsets.UTF_8);
        Map<String, UUID> ids = new HashMap<>();
        masters.departments().forEach(department -> ids.put(department.getCode(), department.getId()));
        return ids;
    }

    /** Places a member in a department, with the zone and language they have. */
    public void place(Member member, UUID department) {
        administration.changeProfile(member.getId(), department, member.getTimeZone().getId(),
                member.getLocale().toLanguageTag());
    }

    /** A member's department, zone and language. */
    public void profile(UUID member, UUID department, String zone, String language) {
        administration.changeProfile(member, department, zone, language);
    }

    /** A label whose values are free ({@code values} empty) or one of {@code values}. */
    public void label(String key, String name, String... values) {
        form.saveLabel(null, new FormConfiguration.LabelInput(key, name, String.join("\n", values)));
    }

    /** A text field, on every line or on lines of one category. */
    public void textField(String key, String name, boolean required, UUID category) {
        form.saveField(null, new FormConfiguration.FieldInput(key, name, CustomField.Type.TEXT, required, "", category));
    }

    public ApprovalRoute route(ApprovalRoutes.RouteInput route) {
        return form.saveRoute(null, route);
    }

    public ApprovalRoute changeRoute(UUID id, ApprovalRoutes.RouteInput route) {
        return form.saveRoute(id, route);
    }

    private static byte[] csv(String header, String... rows) {
        return (header + "\n" + Arrays.stream(rows).collect(Collectors.joining("\n")) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
