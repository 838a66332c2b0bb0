package jp.sapphire.identity.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import jp.sapphire.admin.boundary.Impersonation;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.Formats;

/**
 * なりかわりログイン in the browser: a tenant administrator starts it on a member's page, every page
 * shows the banner naming both people and when it ends, and the banner's button ends it.
 */
@Named("impersonation")
@RequestScoped
public class ImpersonationBacking {

    @EJB
    Impersonation impersonation;

    @Inject
    HttpServletRequest request;

    @Inject
    Formats formats;

    public String start(UUID memberId) {
        try {
            Impersonation.Started started = impersonation.start(memberId);
            BrowserSession.impersonate(request, started.asMember(), started.endsAt());
            return "/app/home?faces-redirect=true";
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.admin.member.not-found");
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
        return null;
    }

    public String end() {
        BrowserSession.member(request).map(member -> member.signedIn().principal()).filter(SapphirePrincipal::impersonated)
                .ifPresent(principal -> impersonation.ended(principal, "ended by the administrator"));
        BrowserSession.endImpersonation(request);
        return "/app/admin/members?faces-redirect=true";
    }

    public boolean isActive() {
        return BrowserSession.impersonator(request).isPresent();
    }

    public String getAdminName() {
        return BrowserSession.impersonator(request).map(admin -> admin.signedIn().principal().displayName()).orElse("");
    }

    public String getEndsAt() {
        return BrowserSession.impersonationEnds(request).map(formats::dateTime).orElse("");
    }
}
