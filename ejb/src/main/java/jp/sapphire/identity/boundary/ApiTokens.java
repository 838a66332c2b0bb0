package jp.sapphire.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.control.ApiCallers;
import jp.sapphire.identity.control.ApiTokenSigner;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.control.MfaRule;
import jp.sapphire.identity.control.RequestProfile;
import jp.sapphire.identity.control.RoleResolver;
import jp.sapphire.identity.entity.ApiToken;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.tenant.entity.TenantStatus;

/**
 * Personal API tokens (APIトークン) of the signed-in member: created with an expiry of at most 90
 * days and shown once, listed, revoked. A token carries the roles its member had when it was
 * made; the API refuses it once revoked, expired, or its member is deactivated.
 */
@Stateless
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ApiTokens {

    public static final int MAX_DAYS = 90;

    /** A token just created: its record, and the signed token, which is never shown again. */
    /**
     * How long a token carrying {@code TENANT_ADMIN} lives at most: the role was granted at a
     * sign-in that satisfied the tenant's MFA rule, and a day later that is asked again.
     */
    public static final Duration ADMIN_TOKEN_LIFETIME = Duration.ofDays(1);

    public record Issued(ApiToken token, String jwt) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    ApiCallers callers;

    @Inject
    RequestProfile profile;

    @Inject
    Caller signedIn;

    @Inject
    ApiTokenSigner signer;

    @EJB
    SystemAudit audit;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    public Issued create(@NotBlank(message = "{sapphire.token.name.required}")
                         @Size(max = 100, message = "{sapphire.token.name.size}") String name,
                         @Min(value = 1, message = "{sapphire.token.days.range}")
                         @Max(value = MAX_DAYS, message = "{sapphire.token.days.range}") int days) {
        SapphirePrincipal caller = signedIn.requireMember();
        if (caller.impersonated()) {
            audit.failure(SystemEvent.TOKEN_CREATED, caller.tenantId(), signedIn.actor(), "refused while impersonating");
            throw new NotPermittedException("sapphire.token.impersonated");
        }
        Instant now = clock.instant();
        List<Role> roles = Arrays.stream(Role.values()).filter(role -> session.isCallerInRole(role.name())).toList();
        Instant expires = now.plus(Duration.ofDays(days));
        if (roles.contains(Role.TENANT_ADMIN) && expires.isAfter(now.plus(ADMIN_TOKEN_LIFETIME))) {
            // The administrator's role was checked against the tenant's MFA rule at sign-in: it holds for a day, not 90.
            expires = now.plus(ADMIN_TOKEN_LIFETIME);
        }
        ApiToken token = new ApiToken(caller.memberId(), name.strip(), now, expires);
        em.persist(token);
        String jwt = signer.sign(token.getId(), caller, roles, now, token.getExpiresAt());
        audit.success(SystemEvent.TOKEN_CREATED, caller.tenantId(), signedIn.actor(),
                "token " + token.getId() + " \"" + token.getName() + "\" until " + token.getExpiresAt());
        return new Issued(token, jwt);
    }

    public List<ApiToken> mine() {
        return em.createNamedQuery(ApiToken.OF_MEMBER, ApiToken.class)
                .setParameter("member", signedIn.requireMember().memberId())
                .getResultList();
    }

    /** Revokes one of the caller's own tokens; someone else's token id changes nothing. */
    public void revoke(UUID id) {
        SapphirePrincipal caller = signedIn.requireMember();
        ApiToken token = em.find(ApiToken.class, id);
        if (token != null && token.getMemberId().equals(caller.memberId())) {
            token.revoke(clock.instant());
            audit.success(SystemEvent.TOKEN_REVOKED, caller.tenantId(), signedIn.actor(), "token " + id);
        }
    }

    /**
     * Whether the token with this id may still be used: not revoked or expired, its tenant active
     * (not suspended), its member active, and every role it carries still bound to its member now
     * (to their IdP user ID, or to a group they were in at their last sign-in). A revoked role stops
     * the token at its next request; a role granted later is not added to it (the member makes a new
     * token for that). A token that carries {@code TENANT_ADMIN} is usable for
     * {@link #ADMIN_TOKEN_LIFETIME} from its making at most, whatever expiry it was given. Read in
     * one round trip ({@link ApiCallers}); a usable token's member's time zone is kept for the request.
     */
    public boolean isUsable(UUID jti, UUID tenant, Set<String> roles) {
        ApiCallers.ApiCaller caller = callers.find(jti, tenant).orElse(null);
        Instant now = clock.instant();
        if (caller == null || !ApiToken.isUsable(caller.tokenRevoked(), caller.tokenExpires(), now)
                || roles.contains(Role.TENANT_ADMIN.name()) && !now.isBefore(caller.tokenCreated().plus(ADMIN_TOKEN_LIFETIME))
                || !caller.memberActive() || !TenantStatus.ACTIVE.name().equals(caller.tenantStatus())) {
            return false;
        }
        Set<String> held = RoleResolver.resolve(caller.bindings(), caller.issuer(), caller.subject(), caller.groups(),
                        caller.privilegedAccountsEnabled(), MfaRule.NONE, List.of(), null)
                .roles().stream().map(Role::name).collect(Collectors.toSet());
        if (!held.containsAll(roles)) {
            return false;
        }
        profile.remember(caller.memberId(), caller.zone());
        return true;
    }
}
