package jp.sapphire.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * The tenant's own OpenID Connect provider (IdP). The client secret is stored encrypted
 * (AES-256-GCM, bound to the tenant) and never leaves the service in clear.
 */
@Entity
@Table(name = "identity_provider")
public class IdentityProvider extends TenantOwned {

    @NotBlank
    @Size(max = 512)
    private String issuer;

    @NotBlank
    @Size(max = 255)
    @Column(name = "client_id")
    private String clientId;

    @Column(name = "client_secret")
    private byte[] clientSecret;

    @Column(name = "client_secret_key_id")
    private String clientSecretKeyId;

    @NotBlank
    @Size(max = 512)
    private String scopes = "openid profile email";

    @NotBlank
    @Column(name = "groups_claim")
    private String groupsClaim = "groups";

    @NotBlank
    @Column(name = "email_claim")
    private String emailClaim = "email";

    @NotBlank
    @Column(name = "name_claim")
    private String nameClaim = "name";

    @Size(max = 255)
    @Column(name = "mfa_amr_values")
    private String mfaAmrValues;

    @Size(max = 255)
    @Column(name = "mfa_acr_value")
    private String mfaAcrValue;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected IdentityProvider() {
    }

    public IdentityProvider(String issuer, String clientId, Instant now) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.updatedAt = now;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public byte[] getClientSecret() {
        return clientSecret == null ? null : clientSecret.clone();
    }

    public String getClientSecretKeyId() {
        return clientSecretKeyId;
    }

    public void storeClientSecret(String keyId, byte[] sealed) {
        this.clientSecretKeyId = keyId;
        this.clientSecret = sealed.clone();
    }

    public List<String> getScopes() {
        return Arrays.asList(scopes.trim().split("\\s+"));
    }

    public void setScopes(List<String> scopes) {
        this.scopes = String.join(" ", scopes);
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public String getEmailClaim() {
        return emailClaim;
    }

    public String getNameClaim() {
        return nameClaim;
    }

    public void setClaimNames(String groups, String email, String name) {
        this.groupsClaim = groups;
        this.emailClaim = email;
        this.nameClaim = name;
    }

    /** amr values of which the ID token must carry at least one for privileged roles; empty: no amr rule. */
    public List<String> getMfaAmrValues() {
        return mfaAmrValues == null || mfaAmrValues.isBlank() ? List.of()
                : Arrays.stream(mfaAmrValues.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** The acr the ID token must carry for privileged roles; {@code null}: no acr rule. */
    public String getMfaAcrValue() {
        return mfaAcrValue == null || mfaAcrValue.isBlank() ? null : mfaAcrValue;
    }

    public void setMfaRule(List<String> amrValues, String acrValue) {
        this.mfaAmrValues = amrValues.isEmpty() ? null : String.join(",", amrValues);
        this.mfaAcrValue = acrValue;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
