package jp.sapphire.identity.boundary;

import java.util.List;
import java.util.UUID;
import jp.sapphire.identity.control.MfaRule;

/**
 * What the sign-in mechanism needs to talk to a tenant's IdP, the client secret in clear.
 * Kept in memory for one sign-in only; {@link #toString()} never shows the secret.
 */
public record SignInSettings(UUID tenantId, String tenantSlug, String tenantName, String issuer, String clientId,
                             String clientSecret, List<String> scopes, String groupsClaim, String emailClaim,
                             String nameClaim, MfaRule mfa) {

    @Override
    public String toString() {
        return "SignInSettings[tenant=" + tenantSlug + ", issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
