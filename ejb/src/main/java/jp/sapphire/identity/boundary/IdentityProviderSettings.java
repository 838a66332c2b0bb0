package jp.sapphire.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant's IdP as its administrator enters it. The issuer must be HTTPS, except on the
 * loopback interface (a local IdP for development and tests).
 */
public record IdentityProviderSettings(
        @NotBlank(message = "{sapphire.idp.issuer.required}")
        @Size(max = 512, message = "{sapphire.idp.issuer.size}")
        @Pattern(regexp = "https://\\S+|http://(localhost|127\\.0\\.0\\.1)(:\\d+)?(/\\S*)?",
                message = "{sapphire.idp.issuer.https}")
        String issuer,
        @NotBlank(message = "{sapphire.idp.client-id.required}") @Size(max = 255) String clientId,
        @NotBlank(message = "{sapphire.idp.client-secret.required}") @Size(max = 1000) String clientSecret,
        @NotNull List<@Pattern(regexp = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+") String> scopes,
        @NotBlank @Size(max = 100) String groupsClaim,
        @NotBlank @Size(max = 100) String emailClaim,
        @NotBlank @Size(max = 100) String nameClaim,
        @NotNull List<@NotBlank String> mfaAmrValues,
        @Size(max = 255) String mfaAcrValue) {

    /** Settings with the usual scopes and claim names and no MFA rule. */
    public static IdentityProviderSettings of(String issuer, String clientId, String clientSecret) {
        return new IdentityProviderSettings(issuer, clientId, clientSecret, List.of("openid", "profile", "email"),
                "groups", "email", "name", List.of(), null);
    }

    public IdentityProviderSettings withMfa(List<String> amrValues, String acrValue) {
        return new IdentityProviderSettings(issuer, clientId, clientSecret, scopes, groupsClaim, emailClaim,
                nameClaim, amrValues, acrValue);
    }

    @Override
    public String toString() {
        return "IdentityProviderSettings[issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
