package jp.sapphire.admin.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.admin.control.PrivilegedLog;
import jp.sapphire.admin.entity.PrivilegedActivity;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.RoleBindings;
import jp.sapphire.identity.control.AdminOnly;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.IdentityProvider;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.CsvHeaders;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.Inputs;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Like;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.tenant.control.TenantContext;

/**
 * What a tenant administrator changes in the console: members (deactivate, which ends their
 * browser sessions and API tokens at their next request, and reactivate) and role bindings
 * (grant, revoke; never the last {@code TENANT_ADMIN} binding). Each change and its entry in the
 * privileged activity log (before and after) commit together; each also goes to the provider's
 * system audit log.
 */
@Stateless
@AdminOnly
@DeclareRoles("TENANT_ADMIN")
public class TenantAdministration {

    /** The languages a member may choose. */
    public static final List<String> LANGUAGES = List.of("ja", "en");

    /** The longest search answer. */
    public static final int MAX_MEMBERS = 200;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Caller signedIn;

    @EJB
    RoleBindings bindings;

    @EJB
    SystemAudit audit;

    @EJB
    IdentityProviders identityProviders;

    @Inject
    Inputs inputs;

    @Inject
    PrivilegedLog log;

    @Inject
    Clock clock;

    /** Members whose name, e-mail or IdP subject contains {@code text} (all when blank), by name. */
    public List<Member> members(String text, boolean withInactive) {
        String pattern = Like.containing(text);
        return em.createQuery("SELECT m FROM Member m WHERE (m.active = true OR :all = true) AND"
                        + " (LOWER(m.displayName) LIKE :p OR LOWER(m.email) LIKE :p OR LOWER(m.subject) LIKE :p)"
                        + " ORDER BY m.displayName, m.id", Member.class)
                .setParameter("all", withInactive).setParameter("p", pattern)
                .setMaxResults(MAX_MEMBERS).getResultList();
    }

    public Member member(UUID id) {
        Member member = id == null ? null : em.find(Member.class, id);
        if (member == null) {
            throw new NotFoundException("member");
        }
        return member;
    }

    /** Deactivates a member: their sessions and tokens stop working at their next request. Not oneself. */
    public Member deactivate(UUID id) {
        Member member = member(id);
        if (member.getId().equals(me().memberId())) {
            throw new ConflictException("sapphire.admin.member.self");
        }
        if (member.isActive()) {
            member.setActive(false);
            record("MEMBER_DEACTIVATED", describe(member), "active", "inactive");
        }
        return member;
    }

    public Member reactivate(UUID id) {
        Member member = member(id);
        if (!member.isActive()) {
            member.setActive(true);
            record("MEMBER_REACTIVATED", describe(member), "inactive", "active");
        }
        return member;
    }

    /**
     * Registers a member ahead of their first sign-in, by IdP user ID (subject) or by e-mail
     * address: the administrator can put them in a department or name them as a manager or
     * approver before they ever sign in. One registered by e-mail is linked to the IdP identity
     * whose first sign-in brings that address.
     */
    public Member register(String subject, String email, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        String user = subject == null || subject.isBlank() ? null : subject.strip();
        String mail = email == null || email.isBlank() ? null : email.strip();
        List<InputProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(InputProblem.of("displayName", "sapphire.admin.member.name"));
        }
        if (user == null && mail == null) {
            problems.add(InputProblem.of("subject", "sapphire.admin.member.identity.required"));
        }
        if (user != null && user.length() > 255) {
            problems.add(InputProblem.of("subject", "sapphire.admin.member.subject.size"));
        }
        if (mail != null && (mail.length() > 320 || !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.add(InputProblem.of("email", "sapphire.admin.member.email.format"));
        }
        Optional<IdentityProvider> idp = identityProviders.current();
        if (user != null && idp.isEmpty()) {
            problems.add(InputProblem.of("subject", "sapphire.admin.member.no-idp"));
        }
        if (problems.isEmpty() && user != null && !em.createNamedQuery(Member.BY_IDENTITY, Member.class)
                .setParameter("issuer", idp.orElseThrow().getIssuer()).setParameter("subject", user).getResultList().isEmpty()) {
            problems.add(InputProblem.of("subject", "sapphire.admin.member.subject.taken"));
        }
        if (problems.isEmpty() && mail != null && !em.createQuery("SELECT m FROM Member m WHERE LOWER(m.email) = :mail",
                Member.class).setParameter("mail", mail.toLowerCase(Locale.ROOT)).getResultList().isEmpty()) {
            problems.add(InputProblem.of("email", "sapphire.admin.member.email.taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Member member = new Member(user == null ? null : idp.orElseThrow().getIssuer(), user, name, mail, clock.instant());
        em.persist(member);
        record("MEMBER_REGISTERED", describe(member), null, "registered ahead of first sign-in");
        return member;
    }

    /** A member's department, time zone and language, as the administrator sets them. */
    public Member changeProfile(UUID id, UUID departmentId, String zone, String language) {
        Member member = member(id);
        List<InputProblem> problems = new ArrayList<>();
        Department department = departmentId == null ? null : em.find(Department.class, departmentId);
        if (departmentId != null && department == null) {
            problems.add(InputProblem.of("department", "sapphire.admin.member.department"));
        }
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
            problems.add(InputProblem.of("zone", "sapphire.admin.member.zone"));
        }
        if (!LANGUAGES.contains(language)) {
            problems.add(InputProblem.of("language", "sapphire.admin.member.language"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String before = profile(member);
        member.setDepartmentId(departmentId);
        member.setTimeZone(ZoneId.of(zone));
        member.setLocale(Locale.forLanguageTag(language));
        String after = profile(member);
        if (!before.equals(after)) {
            record("MEMBER_CHANGED", describe(member), before, after);
        }
        return member;
    }

    private String profile(Member member) {
        Department department = member.getDepartmentId() == null ? null : em.find(Department.class, member.getDepartmentId());
        return "department=" + (department == null ? "-" : department.getCode() + " " + department.getName())
                + ", zone=" + member.getTimeZone().getId() + ", language=" + member.getLocale().toLanguageTag();
    }

    public List<RoleBinding> roleBindings() {
        return bindings.all();
    }

    /** Binds a role to an IdP subject or group; {@code TENANT_ADMIN} only while the privileged account is enabled. */
    public RoleBinding grant(Role role, RoleBinding.Kind kind, String value) {
        List<InputProblem> problems = new ArrayList<>();
        if (role == null) {
            problems.add(InputProblem.of("role", "sapphire.admin.binding.role.required"));
        }
        if (kind == null) {
            problems.add(InputProblem.of("kind", "sapphire.admin.binding.kind.required"));
        }
        if (value == null || value.isBlank() || value.strip().length() > 255) {
            problems.add(InputProblem.of("value", "sapphire.admin.binding.value.size"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean exists = bindings.all().stream().anyMatch(b -> b.getRole() == role && b.getKind() == kind
                && b.getValue().equals(value.strip()));
        if (exists) {
            throw new InvalidInputException(List.of(InputProblem.of("value", "sapphire.admin.binding.duplicate")));
        }
        RoleBinding binding = bindings.grant(role, kind, value.strip());
        record("ROLE_GRANTED", kind + " " + binding.getValue(), null, role.name());
        return binding;
    }

    /** Removes a binding; the last {@code TENANT_ADMIN} binding stays, so the tenant is never left without an administrator. */
    public void revoke(UUID id) {
        RoleBinding binding = bindings.all().stream().filter(b -> b.getId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("role binding"));
        if (binding.getRole() == Role.TENANT_ADMIN
                && bindings.all().stream().filter(b -> b.getRole() == Role.TENANT_ADMIN).count() == 1) {
            audit.failure(SystemEvent.ROLE_BINDING_REVOKED, tenant(), signedIn.actor(), "refused: the last TENANT_ADMIN binding");
            throw new ConflictException("sapphire.admin.binding.last-admin");
        }
        bindings.revoke(id);
        record("ROLE_REVOKED", binding.getKind() + " " + binding.getValue(), binding.getRole().name(), null);
    }

    /** The tenant's IdP as configured; the client secret never leaves the boundary. */
    public Optional<IdentityProvider> identityProvider() {
        return identityProviders.current();
    }

    /**
     * Changes the tenant's IdP. A blank client secret keeps the stored one (the page never shows
     * it) — but not with another issuer: the stored secret is never sent to an issuer it was not
     * made for. The activity log says whether it changed, never what it is.
     */
    public IdentityProvider saveIdentityProvider(IdentityProviderSettings settings) {
        Optional<IdentityProvider> before = identityProviders.current();
        boolean newSecret = settings.clientSecret() != null && !settings.clientSecret().isBlank();
        if (!newSecret && before.isPresent() && !before.get().getIssuer().equals(settings.issuer())) {
            throw new InvalidInputException(InputProblem.of("clientSecret", "sapphire.idp.client-secret.issuer-changed"));
        }
        IdentityProviderSettings complete = newSecret || before.isEmpty() ? settings
                : settings.withClientSecret(identityProviders.forSignIn().orElseThrow().clientSecret());
        inputs.check(complete);
        String was = before.map(TenantAdministration::describe).orElse(null);
        IdentityProvider saved = identityProviders.configure(complete);
        record("IDP_CHANGED", "IdP", was, describe(saved) + (newSecret ? ", client secret replaced" : ""));
        return saved;
    }

    /** The privileged activity of the days {@code from} to {@code to} (both included, in the caller's zone), newest first. */
    public List<PrivilegedActivity> activity(LocalDate from, LocalDate to, ZoneId zone) {
        return em.createNamedQuery(PrivilegedActivity.BETWEEN, PrivilegedActivity.class)
                .setParameter("from", from.atStartOfDay(zone).toInstant())
                .setParameter("to", to.plusDays(1).atStartOfDay(zone).toInstant())
                .getResultList();
    }

    /** The same days as CSV for Excel (UTF-8 with a byte order mark), times in {@code zone}, the header in {@code locale}. */
    public byte[] activityCsv(LocalDate from, LocalDate to, ZoneId zone, Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        List<List<String>> rows = activity(from, to, zone).stream()
                .map(entry -> Arrays.asList(time.format(entry.getOccurredAt()), entry.getActorName(), entry.getAction(),
                        entry.getTarget(), entry.getBefore(), entry.getAfter()))
                .toList();
        return Csv.document(StandardCharsets.UTF_8, CsvHeaders.of("activity", locale, zone.getId()), rows);
    }

    private void record(String action, String target, String before, String after) {
        log.record(action, target, before, after);
    }

    private SapphirePrincipal me() {
        return signedIn.requireMember();
    }

    private UUID tenant() {
        return tenants.currentTenant().orElseThrow();
    }

    private static String describe(IdentityProvider idp) {
        return "issuer=" + idp.getIssuer() + ", client=" + idp.getClientId() + ", scopes=" + String.join(" ", idp.getScopes())
                + ", claims=" + idp.getGroupsClaim() + "/" + idp.getEmailClaim() + "/" + idp.getNameClaim()
                + ", mfa amr=" + idp.getMfaAmrValues() + " acr=" + idp.getMfaAcrValue();
    }

    private static String describe(Member member) {
        return member.getDisplayName() + " (" + (member.getSubject() != null ? member.getSubject() : member.getEmail()) + ")";
    }
}
