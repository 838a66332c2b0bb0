package jp.sapphire.identity.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.control.OpenIdConnect;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-out (サインアウト): ends the local session at once, then, when the tenant's IdP offers an
 * {@code end_session_endpoint}, sends the browser there to end the IdP session too.
 */
@Named
@RequestScoped
public class SignOutBacking {

    @Inject
    HttpServletRequest request;

    @Inject
    OpenIdConnect oidc;

    @EJB
    SystemAudit audit;

    @Inject
    @ConfigProperty(name = "sapphire.ui.base-url")
    String baseUrl;

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        var member = BrowserSession.member(request);
        String target = baseUrl + TenantSignInMechanism.CHOOSER;
        if (member.isPresent()) {
            var principal = member.get().signedIn().principal();
            audit.success(SystemEvent.SIGN_OUT, principal.tenantId(), "member:" + principal.memberId(), "signed out");
            target = oidc.endSessionEndpoint(member.get().issuer())
                    .map(endpoint -> endpoint + (endpoint.getQuery() == null ? "?" : "&")
                            + "id_token_hint=" + encode(member.get().idToken())
                            + "&post_logout_redirect_uri=" + encode(baseUrl + TenantSignInMechanism.CHOOSER))
                    .orElse(target);
        }
        request.logout();
        external.invalidateSession();
        external.redirect(target);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
