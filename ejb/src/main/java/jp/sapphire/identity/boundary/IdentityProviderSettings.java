package jp.sapphire.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant's IdP as its administrator enters it. The issuer is a URL; where SAPPHIRE may call it
 * (HTTPS to a public host, plain HTTP only to a local development IdP) is the outbound rule's to
 * say when it is stored ({@link jp.sapphire.defence.control.OutboundUrls}).
 */
public record IdentityProviderSettings(
        @NotBlank(message = "{sapphire.idp.issuer.required}")
        @Size(max = 512, message = "{sapphire.idp.issuer.size}")
        @Pattern(regexp = "https?://\\S+", message = "{sapphire.idp.issuer.https}")
        String issuer,
        @NotBlank(message = "{sapphire.idp.client-id.required}")
        @Size(max = 255, message = "{sapphire.idp.value.size}") String clientId,
        @NotBlank(message = "{sapphire.idp.client-secret.required}")
        @Size(max = 1000, message = "{sapphire.idp.value.size}") String clientSecret,
        @NotNull List<@Pattern(regexp = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+", message = "{sapphire.idp.scope.invalid}") String> scopes,
        @NotBlank(message = "{sapphire.idp.claim.required}") @Size(max = 100, message = "{sapphire.idp.value.size}") String groupsClaim,
        @NotBlank(message = "{sapphire.idp.claim.required}") @Size(max = 100, message = "{sapphire.idp.value.size}") String emailClaim,
        @NotBlank(message = "{sapphire.idp.claim.required}") @Size(max = 100, message = "{sapphire.idp.value.size}") String nameClaim,
        @NotNull List<@NotBlank(message = "{sapphire.idp.amr.invalid}") String> mfaAmrValues,
        @Size(max = 255, message = "{sapphire.idp.value.size}") String mfaAcrValue) {

    /** Settings with the usual scopes and claim names and no MFA rule. */
    public static IdentityProviderSettings of(String issuer, String clientId, String clientSecret) {
        return new IdentityProviderSettings(issuer, clientId, clientSecret, List.of("openid", "profile", "email"),
                "groups", "email", "name", List.of(), null);
    }

    public IdentityProviderSettings withClientSecret(String secret) {
        return new IdentityProviderSettings(issuer, clientId, secret, scopes, groupsClaim, emailClaim, nameClaim,
                mfaAmrValues, mfaAcrValue);
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
