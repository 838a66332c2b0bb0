package jp.sapphire.identity.control;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;

/**
 * Decides the roles of a member at sign-in from the tenant's bindings and what the IdP said
 * about them. The privileged role needs two more things: the provider must have enabled the
 * privileged account for the tenant, and the ID token must satisfy the tenant's MFA rule; when
 * only the MFA rule is missing, a step-up sign-in is offered instead.
 */
public final class RoleResolver {

    /** The roles granted, and whether signing in again with MFA would add the privileged one. */
    public record Grant(Set<Role> roles, boolean stepUpOffered) {

        public Grant {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }
    }

    private RoleResolver() {
    }

    public static Grant resolve(Collection<RoleBinding> bindings, String issuer, String subject, Collection<String> groups,
                                boolean privilegedAccountsEnabled, MfaRule mfa, Collection<String> amr, String acr) {
        Set<Role> bound = EnumSet.noneOf(Role.class);
        for (RoleBinding binding : bindings) {
            if (binding.names(issuer, subject, groups)) {
                bound.add(binding.getRole());
            }
        }
        boolean stepUp = false;
        if (bound.contains(Role.TENANT_ADMIN)) {
            if (!privilegedAccountsEnabled) {
                bound.remove(Role.TENANT_ADMIN);
            } else if (mfa.isRequired() && !mfa.isSatisfiedBy(amr, acr)) {
                bound.remove(Role.TENANT_ADMIN);
                stepUp = true;
            }
        }
        return new Grant(bound, stepUp);
    }
}
