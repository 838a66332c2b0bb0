package jp.sapphire.identity.boundary;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;

/**
 * The outcome of a successful sign-in: who, with which roles, whether a step-up would add more,
 * the member's time zone and language for everything shown to them, and what the IdP asserted
 * (so that the roles can be worked out again from the bindings as they are at each request).
 */
public record SignedIn(SapphirePrincipal principal, Set<Role> roles, boolean stepUpOffered, ZoneId zone,
                       Locale locale, VerifiedIdentity identity) implements Serializable {

    public SignedIn {
        roles = Set.copyOf(roles);
    }
}
