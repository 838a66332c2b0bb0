package jp.sapphire.it;

import jakarta.security.enterprise.credential.Credential;
import java.util.Set;
import jp.sapphire.identity.entity.SapphirePrincipal;

/** Test-only: "sign me in as this member, with these roles", handed to {@link TestAuthenticationMechanism}. */
public record MemberCredential(SapphirePrincipal principal, Set<String> roles) implements Credential {
}
