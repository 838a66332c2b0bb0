package jp.sapphire.it;

import jakarta.security.enterprise.credential.Credential;
import jp.sapphire.identity.entity.SapphirePrincipal;

/** Test-only: "sign me in as this member", handed to {@link TestAuthenticationMechanism}. */
public record MemberCredential(SapphirePrincipal principal) implements Credential {
}
