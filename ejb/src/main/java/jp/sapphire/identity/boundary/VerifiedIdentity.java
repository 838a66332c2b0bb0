package jp.sapphire.identity.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a tenant's IdP asserted in an ID token that has passed every check. */
public record VerifiedIdentity(String issuer, String subject, String name, String email, boolean emailVerified,
                               Set<String> groups, List<String> amr, String acr, Instant authenticatedAt)
        implements Serializable {

    public VerifiedIdentity {
        groups = Set.copyOf(groups);
        amr = List.copyOf(amr);
    }

    /** For audit logs: who, as the IdP knows them. */
    public String describe() {
        return "iss=" + issuer + " sub=" + subject;
    }
}
