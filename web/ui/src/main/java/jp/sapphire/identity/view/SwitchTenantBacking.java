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
import java.util.regex.Pattern;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /app/switch-tenant.xhtml}: a member signed in to one tenant followed a sign-in link of
 * another. Nothing changes until they choose (a link on another site must not swap their session
 * silently): stay, or sign out here and sign in there.
 */
@Named("switchTenant")
@RequestScoped
public class SwitchTenantBacking {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    @Inject
    HttpServletRequest request;

    @EJB
    SystemAudit audit;

    @Inject
    @ConfigProperty(name = "sapphire.ui.base-url")
    String baseUrl;

    private String to;

    /** The tenant the link was for, if it is a tenant id at all. */
    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to != null && SLUG.matcher(to).matches() ? to : null;
    }

    /** Signs out of this tenant (this browser only) and starts the sign-in to the other. */
    public void switchNow() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (to == null) {
            external.redirect(baseUrl + TenantSignInMechanism.HOME);
            return;
        }
        BrowserSession.member(request).ifPresent(member -> audit.success(SystemEvent.SIGN_OUT,
                member.signedIn().principal().tenantId(), "member:" + member.signedIn().principal().memberId(),
                "signed out to sign in to tenant " + to));
        request.logout();
        external.invalidateSession();
        external.redirect(baseUrl + "/t/" + to + "/");
    }
}
