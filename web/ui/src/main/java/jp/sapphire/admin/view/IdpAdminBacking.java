package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.control.IssuerCheck;
import jp.sapphire.identity.control.OpenIdConnect;
import jp.sapphire.identity.entity.IdentityProvider;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.view.FacesProblems;

/**
 * {@code /app/admin/idp.xhtml}: the tenant's IdP — issuer, client, claim names, the MFA rule for
 * privileged roles — and a test of the connection. The client secret is write-only.
 */
@Named("idpAdmin")
@ViewScoped
public class IdpAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "idp:";

    @EJB
    TenantAdministration administration;

    @Inject
    OpenIdConnect oidc;

    private String issuer;
    private String clientId;
    private String clientSecret;
    private String scopes = "openid profile email";
    private String groupsClaim = "groups";
    private String emailClaim = "email";
    private String nameClaim = "name";
    private String mfaAmr;
    private String mfaAcr;
    private boolean secretStored;
    private IssuerCheck.Found check;

    @PostConstruct
    void load() {
        administration.identityProvider().ifPresent(this::fill);
    }

    private void fill(IdentityProvider idp) {
        issuer = idp.getIssuer();
        clientId = idp.getClientId();
        scopes = String.join(" ", idp.getScopes());
        groupsClaim = idp.getGroupsClaim();
        emailClaim = idp.getEmailClaim();
        nameClaim = idp.getNameClaim();
        mfaAmr = String.join(",", idp.getMfaAmrValues());
        mfaAcr = idp.getMfaAcrValue();
        secretStored = true;
    }

    public void save() {
        try {
            IdentityProvider saved = administration.saveIdentityProvider(new IdentityProviderSettings(strip(issuer),
                    strip(clientId), clientSecret, words(scopes, " "), strip(groupsClaim), strip(emailClaim),
                    strip(nameClaim), words(mfaAmr, ","), blankToNull(mfaAcr)));
            fill(saved);
            clientSecret = null;
            FacesProblems.confirm("admin.idp.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("issuer", FORM + "issuer", "clientId", FORM + "clientId",
                    "clientSecret", FORM + "clientSecret", "groupsClaim", FORM + "groupsClaim",
                    "emailClaim", FORM + "emailClaim", "nameClaim", FORM + "nameClaim", "mfaAcrValue", FORM + "mfaAcr"));
        }
    }

    /** Fetches discovery and keys of the issuer in the form, saved or not. */
    public void test() {
        check = oidc.check(strip(issuer));
    }

    private static List<String> words(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator)).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public IssuerCheck.Found getCheck() {
        return check;
    }

    public boolean isSecretStored() {
        return secretStored;
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

    public String getClientSecret() {
        return null;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public void setGroupsClaim(String groupsClaim) {
        this.groupsClaim = groupsClaim;
    }

    public String getEmailClaim() {
        return emailClaim;
    }

    public void setEmailClaim(String emailClaim) {
        this.emailClaim = emailClaim;
    }

    public String getNameClaim() {
        return nameClaim;
    }

    public void setNameClaim(String nameClaim) {
        this.nameClaim = nameClaim;
    }

    public String getMfaAmr() {
        return mfaAmr;
    }

    public void setMfaAmr(String mfaAmr) {
        this.mfaAmr = mfaAmr;
    }

    public String getMfaAcr() {
        return mfaAcr;
    }

    public void setMfaAcr(String mfaAcr) {
        this.mfaAcr = mfaAcr;
    }
}
