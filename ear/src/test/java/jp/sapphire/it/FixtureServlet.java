package jp.sapphire.it;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.approval.control.ApprovalRoutes;
import jp.sapphire.approval.entity.ApprovalCondition;
import jp.sapphire.approval.entity.ApprovalRouteStep;
import jp.sapphire.approval.entity.ApproverKind;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.InvoiceSpecial;
import jp.sapphire.journal.entity.JournalSettings;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.boundary.RoleBindings;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.it.clock.TestClock;
import jp.sapphire.organization.boundary.Departments;
import jp.sapphire.payment.boundary.PayerSetup;
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
 *   <li>{@code POST /fixture/org?tenant=&issuer=} with an organisation in its body (see {@link #organise})
 *       answers {@code subject=memberId} lines;</li>
 *   <li>{@code GET /fixture/audit?tenant=} answers one line per entry, newest first:
 *       {@code EVENT OUTCOME actor | detail};</li>
 *   <li>{@code POST /fixture/clock?freeze=|runFrom=|move=|reset} sets the server's clock,
 *       {@code GET /fixture/clock} reads it.</li>
 * </ul>
 */
@WebServlet("/fixture/*")
public class FixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantProvisioning provisioning;

    @Inject
    CreatedTenants created;

    @EJB
    IdentityProviders identityProviders;

    @EJB
    RoleBindings roleBindings;

    @EJB
    SystemAudit audit;

    @Inject
    TenantMasters masters;

    @EJB
    Members members;

    @EJB
    PayerSetup payer;

    @Inject
    TenantContext tenants;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getPathInfo()) {
            case "/tenant" -> createTenant(request, response);
            case "/bind" -> bind(request, response);
            case "/org" -> organise(request, response);
            case "/clock" -> clock(request, response);
            case "/adopt" -> adopt(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/clock".equals(request.getPathInfo())) {
            text(response, TestClock.now().toString());
            return;
        }
        if (!"/audit".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String lines = audit.ofTenant(UUID.fromString(request.getParameter("tenant")), 200).stream()
                .map(entry -> entry.getEvent() + " " + entry.getOutcome() + " " + entry.getActor() + " | " + entry.getDetail())
                .collect(Collectors.joining("\n"));
        text(response, lines);
    }

    /** A tenant the test made another way (the operators' CLI) is removed with the others at the end. */
    private void adopt(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = provisioning.findBySlug(request.getParameter("slug")).orElse(null);
        if (tenant == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        created.add(tenant.getId());
        text(response, tenant.getId().toString());
    }

    private void createTenant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 13);
        Tenant tenant = provisioning.provision(slug, "テスト " + slug, Region.asia);
        created.add(tenant.getId());
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
     * Departments, members and approval routes, one per line, members named by their subject at
     * the tenant's IdP (registered if they have not signed in yet, with {@code subject@example.com}):
     * <pre>
     * department CODE NAME PARENT_CODE|- MANAGER_SUBJECT|-
     * member SUBJECT DEPARTMENT_CODE [ZONE [LANGUAGE]]
     * route NAME PRIORITY VALID_FROM VALID_TO|- [min=YEN] [categories=CODE,CODE] [department=CODE]
     * step NAME MANAGER LEVELS|MEMBER SUBJECT|ROLE ROLE [min=YEN] [categories=CODE,CODE] [department=CODE]
     * payer REQUESTER_CODE KANA_NAME BANK BRANCH TYPE ACCOUNT [no-line-breaks]
     * account CATEGORY_CODE ACCOUNT_NAME SUB_ACCOUNT|- NONE|PUBLIC_TRANSPORT|BUSINESS_TRAVEL
     * journal LINE|REPORT BANK_SUB_ACCOUNT|- NONE|NAME|CODE NONE|SUB_ACCOUNT|SEGMENT
     * </pre>
     * A route takes the step lines that follow it.
     */
    private void organise(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID tenant = UUID.fromString(request.getParameter("tenant"));
        String issuer = request.getParameter("issuer");
        List<String> lines = request.getReader().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        Map<String, UUID> people = new LinkedHashMap<>();
        tenants.callAsTenant(tenant, () -> {
            List<String> departmentRows = new ArrayList<>();
            for (String line : lines) {
                String[] words = line.split(" +");
                if (words[0].equals("department")) {
                    String manager = words[4].equals("-") ? "" : words[4];
                    if (!manager.isEmpty()) {
                        member(issuer, manager, people);
                    }
                    departmentRows.add(String.join(",", words[1], words[2], words[3].equals("-") ? "" : words[3], manager));
                }
            }
            Map<String, UUID> departmentIds = departmentRows.isEmpty() ? Map.of()
                    : masters.departments(departmentRows.toArray(String[]::new));
            String routeLine = null;
            List<ApprovalRouteStep.Definition> steps = new ArrayList<>();
            for (String line : lines) {
                String[] words = line.split(" +");
                switch (words[0]) {
                    case "department" -> {
                        // imported above, all at once
                    }
                    case "member" -> masters.profile(member(issuer, words[1], people), departmentIds.get(words[2]),
                            words.length > 3 ? words[3] : "Asia/Tokyo", words.length > 4 ? words[4] : "ja");
                    case "route" -> {
                        defineRoute(routeLine, steps, departmentIds);
                        routeLine = line;
                        steps = new ArrayList<>();
                    }
                    case "step" -> steps.add(step(words, issuer, people, departmentIds));
                    case "payer" -> payer.save(new PayerSetup.PayerInput(words[1], words[2], words[3], null, words[4], null,
                            Integer.valueOf(words[5]), words[6], words.length < 8 || !words[7].equals("no-line-breaks")));
                    case "account" -> masters.account(words[1], words[2], words[3].equals("-") ? "" : words[3],
                            InvoiceSpecial.valueOf(words[4]));
                    case "journal" -> masters.journal(JournalSettings.Granularity.valueOf(words[1]),
                            words[2].equals("-") ? "" : words[2], JournalSettings.DepartmentAs.valueOf(words[3]),
                            JournalSettings.ProjectAs.valueOf(words[4]));
                    default -> throw new IllegalArgumentException("Unknown fixture line: " + line);
                }
            }
            defineRoute(routeLine, steps, departmentIds);
            return null;
        });
        text(response, people.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
    }

    private void defineRoute(String line, List<ApprovalRouteStep.Definition> steps, Map<String, UUID> departmentIds) {
        if (line == null) {
            return;
        }
        String[] words = line.split(" +");
        masters.route(new ApprovalRoutes.RouteInput(words[1], Integer.parseInt(words[2]), LocalDate.parse(words[3]),
                words[4].equals("-") ? null : LocalDate.parse(words[4]), condition(words, 5, departmentIds), steps));
    }

    private ApprovalRouteStep.Definition step(String[] words, String issuer, Map<String, UUID> people,
                                              Map<String, UUID> departmentIds) {
        ApprovalCondition condition = condition(words, 4, departmentIds);
        return switch (ApproverKind.valueOf(words[2])) {
            case MANAGER -> ApprovalRouteStep.Definition.manager(words[1], Integer.parseInt(words[3]), condition);
            case MEMBER -> ApprovalRouteStep.Definition.member(words[1], member(issuer, words[3], people), condition);
            case ROLE -> ApprovalRouteStep.Definition.role(words[1], Role.valueOf(words[3]), condition);
        };
    }

    private static ApprovalCondition condition(String[] words, int from, Map<String, UUID> departmentIds) {
        Long min = null;
        Set<String> categories = Set.of();
        UUID department = null;
        for (int i = from; i < words.length; i++) {
            String[] option = words[i].split("=", 2);
            switch (option[0]) {
                case "min" -> min = Long.valueOf(option[1]);
                case "categories" -> categories = Set.of(option[1].split(","));
                case "department" -> department = departmentIds.get(option[1]);
                default -> throw new IllegalArgumentException("Unknown condition: " + words[i]);
            }
        }
        return new ApprovalCondition(min, categories, department);
    }

    private UUID member(String issuer, String subject, Map<String, UUID> people) {
        UUID id = members.findByIdentity(issuer, subject)
                .orElseGet(() -> members.register(issuer, subject, subject + " さん", subject + "@example.com")).getId();
        people.put(subject, id);
        return id;
    }

    /**
     * The expense masters every test tenant has: four categories (one of each kind), the label
     * {@code project} (alpha, beta), the custom field {@code client} required on entertainment, and a
     * fallback route (priority 1000) whose one step any APPROVER decides;
     * answered as {@code code=id} lines.
     */
    private String expenseMasters(String duplicates) {
        masters.policy("BLOCK".equals(duplicates) ? ExpensePolicy.DuplicatePolicy.BLOCK : ExpensePolicy.DuplicatePolicy.WARN, true);
        Map<String, UUID> categories = masters.categories("7110,旅費交通費,TRANSPORT,STANDARD_10",
                "7210,交際費,ENTERTAINMENT,STANDARD_10", "7310,会議費,GENERAL,REDUCED_8", "7410,消耗品費,GENERAL,STANDARD_10");
        masters.label("project", "プロジェクト", "alpha", "beta");
        masters.textField("client", "顧客名", true, categories.get("7210"));
        masters.route(new ApprovalRoutes.RouteInput("既定ルート", 1000, LocalDate.of(2020, 1, 1), null, null,
                List.of(ApprovalRouteStep.Definition.role("承認", Role.APPROVER, null))));
        return categories.entrySet().stream().map(category -> category.getKey() + "=" + category.getValue())
                .collect(Collectors.joining("\n"));
    }

    private RoleBinding grant(String binding) {
        String[] parts = binding.split(":", 3);
        return roleBindings.grant(Role.valueOf(parts[0]), RoleBinding.Kind.valueOf(parts[1]), parts[2]);
    }

    /** Sets the server's clock: {@code freeze=INSTANT}, {@code runFrom=INSTANT}, {@code move=DURATION} or {@code reset}. */
    private static void clock(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("freeze") != null) {
            TestClock.freeze(Instant.parse(request.getParameter("freeze")));
        } else if (request.getParameter("runFrom") != null) {
            TestClock.runFrom(Instant.parse(request.getParameter("runFrom")));
        } else if (request.getParameter("move") != null) {
            TestClock.move(Duration.parse(request.getParameter("move")));
        } else {
            TestClock.reset();
        }
        text(response, TestClock.now().toString());
    }

    private static void text(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(body);
    }
}
