package jp.sapphire.it;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.RoleBindings;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.tenant.boundary.TenantProvisioning;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Region;
import jp.sapphire.tenant.entity.Tenant;

/**
 * Test module only: lets tests that act from outside (as browsers and API clients) set up a tenant
 * through the production boundaries and read its system audit log.
 * <ul>
 *   <li>{@code POST /fixture/tenant?issuer=&clientId=&privileged=&mfaAmr=&mfaAcr=&duplicates=&bind=ROLE:KIND:value...}
 *       answers {@code id slug} and a {@code code=id} line per expense category;</li>
 *   <li>{@code POST /fixture/bind?tenant=&bind=ROLE:KIND:value} answers {@code bound} or {@code refused};</li>
 *   <li>{@code GET /fixture/audit?tenant=} answers one line per entry, newest first:
 *       {@code EVENT OUTCOME actor | detail}.</li>
 * </ul>
 */
@WebServlet("/fixture/*")
public class FixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantProvisioning provisioning;

    @EJB
    IdentityProviders identityProviders;

    @EJB
    RoleBindings roleBindings;

    @EJB
    SystemAudit audit;

    @EJB
    ExpenseSettings expenseSettings;

    @Inject
    TenantContext tenants;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getPathInfo()) {
            case "/tenant" -> createTenant(request, response);
            case "/bind" -> bind(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/audit".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String lines = audit.ofTenant(UUID.fromString(request.getParameter("tenant")), 200).stream()
                .map(entry -> entry.getEvent() + " " + entry.getOutcome() + " " + entry.getActor() + " | " + entry.getDetail())
                .collect(Collectors.joining("\n"));
        text(response, lines);
    }

    private void createTenant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 13);
        Tenant tenant = provisioning.provision(slug, "テスト " + slug, Region.asia);
        if (Boolean.parseBoolean(request.getParameter("privileged"))) {
            provisioning.setPrivilegedAccounts(tenant.getId(), true);
        }
        String amr = request.getParameter("mfaAmr");
        var settings = IdentityProviderSettings.of(request.getParameter("issuer"), request.getParameter("clientId"),
                "secret-" + slug).withMfa(amr == null ? List.of() : List.of(amr.split(",")), request.getParameter("mfaAcr"));
        String categories = tenants.callAsTenant(tenant.getId(), () -> {
            identityProviders.configure(settings);
            String[] bindings = request.getParameterValues("bind");
            for (String binding : bindings == null ? new String[0] : bindings) {
                grant(binding);
            }
            return expenseMasters(request.getParameter("duplicates"));
        });
        text(response, tenant.getId() + " " + slug + "\n" + categories);
    }

    private void bind(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID tenant = UUID.fromString(request.getParameter("tenant"));
        try {
            tenants.callAsTenant(tenant, () -> grant(request.getParameter("bind")));
            text(response, "bound");
        } catch (RuntimeException refused) {
            text(response, "refused");
        }
    }

    /**
     * The expense masters every test tenant has: four categories (one of each kind), the label
     * {@code project} (alpha, beta), the custom field {@code client} required on entertainment;
     * answered as {@code code=id} lines.
     */
    private String expenseMasters(String duplicates) {
        expenseSettings.setPolicy(TaxRounding.TRUNCATE,
                "BLOCK".equals(duplicates) ? ExpensePolicy.DuplicatePolicy.BLOCK : ExpensePolicy.DuplicatePolicy.WARN, true);
        List<ExpenseCategory> categories = List.of(
                expenseSettings.addCategory("7110", "旅費交通費", CategoryKind.TRANSPORT, TaxClass.STANDARD_10),
                expenseSettings.addCategory("7210", "交際費", CategoryKind.ENTERTAINMENT, TaxClass.STANDARD_10),
                expenseSettings.addCategory("7310", "会議費", CategoryKind.GENERAL, TaxClass.REDUCED_8),
                expenseSettings.addCategory("7410", "消耗品費", CategoryKind.GENERAL, TaxClass.STANDARD_10));
        expenseSettings.defineLabel("project", "プロジェクト", List.of("alpha", "beta"));
        expenseSettings.defineField("client", "顧客名", CustomField.Type.TEXT, true, List.of(), categories.get(1).getId());
        return categories.stream().map(category -> category.getCode() + "=" + category.getId())
                .collect(Collectors.joining("\n"));
    }

    private RoleBinding grant(String binding) {
        String[] parts = binding.split(":", 3);
        return roleBindings.grant(Role.valueOf(parts[0]), RoleBinding.Kind.valueOf(parts[1]), parts[2]);
    }

    private static void text(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(body);
    }
}
