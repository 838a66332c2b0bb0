package jp.sapphire.identity.boundary;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.SapphirePrincipal;

/**
 * The outcome of a successful sign-in: who, with which roles, whether a step-up would add more,
 * and the member's time zone and language for everything shown to them.
 */
public record SignedIn(SapphirePrincipal principal, Set<Role> roles, boolean stepUpOffered, ZoneId zone,
                       Locale locale) implements Serializable {

    public SignedIn {
        roles = Set.copyOf(roles);
    }
}
