package jp.sapphire.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import jp.sapphire.identity.boundary.SignInRefusedException.Reason;
import jp.sapphire.identity.control.MfaRule;
import jp.sapphire.identity.control.RoleResolver;
import jp.sapphire.identity.control.RoleResolver.Grant;
import jp.sapphire.identity.entity.IdentityProvider;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Tenant;
import jp.sapphire.tenant.entity.TenantStatus;

/**
 * The second half of a sign-in (サインイン), after the ID token has been verified: find the member by
 * issuer and subject (creating them at their first sign-in), refuse a deactivated member, and
 * work out their roles. Runs in the tenant whose IdP issued the token.
 */
@Stateless
public class SignIn {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Clock clock;

    public SignedIn complete(VerifiedIdentity identity) {
        Tenant tenant = em.find(Tenant.class, tenants.currentTenant().orElseThrow());
        Member member = em.createNamedQuery(Member.BY_IDENTITY, Member.class)
                .setParameter("issuer", identity.issuer())
                .setParameter("subject", identity.subject())
                .getResultStream().findFirst()
                .or(() -> registeredAhead(identity))
                .orElseGet(() -> register(identity));
        if (!member.isActive()) {
            throw new SignInRefusedException(Reason.INACTIVE_MEMBER);
        }
        refreshContactData(member, identity);

        Grant grant = grant(tenant, identity);
        if (grant.roles().isEmpty()) {
            throw new SignInRefusedException(Reason.NO_ROLE);
        }
        if (!member.getRoles().equals(grant.roles())) {
            member.setRoles(grant.roles());
        }
        if (!member.getIdpGroups().equals(identity.groups())) {
            member.setIdpGroups(identity.groups());
        }
        var principal = new SapphirePrincipal(tenant.getId(), tenant.getSlug(), member.getId(), member.getDisplayName());
        return new SignedIn(principal, grant.roles(), grant.stepUpOffered(), member.getTimeZone(), member.getLocale(),
                identity);
    }

    /**
     * A signed-in member at their next request: still active, with the roles the bindings give them
     * now (a grant or revocation counts from that request, not from the next sign-in); empty when
     * the member was deactivated, their tenant suspended, or no role is left. A member being impersonated (no IdP identity
     * in the session) keeps the roles the impersonation began with.
     */
    public Optional<SignedIn> refresh(SignedIn current) {
        Member member = em.find(Member.class, current.principal().memberId());
        Tenant tenant = em.find(Tenant.class, current.principal().tenantId());
        if (member == null || !member.isActive() || tenant == null || tenant.getStatus() != TenantStatus.ACTIVE) {
            return Optional.empty();
        }
        if (current.identity() == null) {
            return Optional.of(current);
        }
        Grant grant = grant(tenant, current.identity());
        if (grant.roles().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(grant.roles().equals(current.roles()) ? current
                : new SignedIn(current.principal(), grant.roles(), grant.stepUpOffered(), current.zone(), current.locale(),
                        current.identity()));
    }

    private Grant grant(Tenant tenant, VerifiedIdentity identity) {
        IdentityProvider idp = em.createQuery("SELECT i FROM IdentityProvider i", IdentityProvider.class)
                .getSingleResult();
        return RoleResolver.resolve(
                em.createNamedQuery(RoleBinding.ALL, RoleBinding.class).getResultList(),
                identity.issuer(), identity.subject(), identity.groups(), tenant.isPrivilegedAccountsEnabled(),
                new MfaRule(idp.getMfaAmrValues(), idp.getMfaAcrValue()), identity.amr(), identity.acr());
    }

    /**
     * A member an administrator registered ahead by e-mail only, linked now to this IdP identity
     * because its first sign-in brings that address and the IdP says it verified it
     * ({@code email_verified}: true) — an address anyone could type into their own IdP profile
     * takes over nobody.
     */
    private Optional<Member> registeredAhead(VerifiedIdentity identity) {
        String email = email(identity);
        if (email == null || !identity.emailVerified()) {
            return Optional.empty();
        }
        Optional<Member> pending = em.createQuery(
                        "SELECT m FROM Member m WHERE m.subject IS NULL AND LOWER(m.email) = :email", Member.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT)).getResultStream().findFirst();
        pending.ifPresent(member -> member.link(identity.issuer(), identity.subject()));
        return pending;
    }

    private Member register(VerifiedIdentity identity) {
        Member member = new Member(identity.issuer(), identity.subject(), displayName(identity),
                email(identity), clock.instant());
        em.persist(member);
        return member;
    }

    /** Keeps name and e-mail as the IdP has them now; what the IdP does not send is left alone. */
    private static void refreshContactData(Member member, VerifiedIdentity identity) {
        if (identity.name() != null && !identity.name().isBlank()
                && !Objects.equals(member.getDisplayName(), displayName(identity))) {
            member.setDisplayName(displayName(identity));
        }
        String email = email(identity);
        if (email != null && !email.equals(member.getEmail())) {
            member.setEmail(email);
        }
    }

    /** The IdP's name for the person, or their subject; clipped to what a member can hold. */
    private static String displayName(VerifiedIdentity identity) {
        String name = identity.name() == null || identity.name().isBlank() ? identity.subject() : identity.name().strip();
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    /** Contact data only: an address SAPPHIRE could not use is left out rather than refused. */
    private static String email(VerifiedIdentity identity) {
        String email = identity.email();
        return email != null && email.length() <= 320 && email.matches("[^@\\s]+@[^@\\s]+") ? email : null;
    }
}
