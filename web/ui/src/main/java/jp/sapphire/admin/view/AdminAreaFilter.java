package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.entity.SapphirePrincipal;

/**
 * Every page of the admin console refuses whoever is not a tenant administrator, and every
 * impersonated session: 403 (the error page says so) and an entry in the system audit log. The boundaries behind the pages check the
 * role again.
 */
@WebFilter(urlPatterns = "/app/admin/*")
public class AdminAreaFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SystemAudit audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean impersonating = request.getUserPrincipal() instanceof SapphirePrincipal principal && principal.impersonated();
        if (request.isUserInRole("TENANT_ADMIN") && !impersonating) {
            chain.doFilter(request, response);
            return;
        }
        SapphirePrincipal who = request.getUserPrincipal() instanceof SapphirePrincipal principal ? principal : null;
        audit.failure(SystemEvent.ACCESS_REFUSED, who == null ? null : who.tenantId(),
                who == null ? "anonymous" : "member:" + who.memberId(),
                request.getMethod() + " " + request.getRequestURI()
                        + (impersonating ? ": refused while impersonating" : ": not a tenant administrator"));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }
}
