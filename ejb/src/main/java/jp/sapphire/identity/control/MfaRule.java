package jp.sapphire.identity.control;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the tenant's IdP must have asserted before a privileged role is active: at least one of
 * {@code amrAnyOf} in the ID token's {@code amr} claim, and/or exactly {@code acr} as its
 * {@code acr} claim. With both set both must hold; with neither there is no MFA rule.
 */
public record MfaRule(List<String> amrAnyOf, String acr) {

    public static final MfaRule NONE = new MfaRule(List.of(), null);

    public MfaRule {
        amrAnyOf = List.copyOf(amrAnyOf);
    }

    public boolean isRequired() {
        return !amrAnyOf.isEmpty() || acr != null;
    }

    public boolean isSatisfiedBy(Collection<String> amr, String tokenAcr) {
        boolean amrOk = amrAnyOf.isEmpty() || amr.stream().anyMatch(amrAnyOf::contains);
        boolean acrOk = acr == null || Objects.equals(acr, tokenAcr);
        return amrOk && acrOk;
    }
}
