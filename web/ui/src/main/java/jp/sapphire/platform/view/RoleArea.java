package jp.sapphire.platform.view;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.entity.SapphirePrincipal;

/**
 * The pages of an area that only the holders of certain roles may open, and never from an impersonated
 * session (what is done there must be the member's own doing): anyone else gets 403 (the error
 * page says so) and an entry in the system audit log. The boundaries behind the pages check the
 * role again.
 */
public abstract class RoleArea extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    SystemAudit audit;

    private final List<String> roles;
    private final String refusal;

    /** The area of the holders of any of {@code roles}; {@code refusal} says in the audit log why another is refused. */
    protected RoleArea(String refusal, String... roles) {
        this.roles = List.of(roles);
        this.refusal = refusal;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean impersonating = request.getUserPrincipal() instanceof SapphirePrincipal principal && principal.impersonated();
        if (roles.stream().anyMatch(request::isUserInRole) && !impersonating) {
            chain.doFilter(request, response);
            return;
        }
        SapphirePrincipal who = request.getUserPrincipal() instanceof SapphirePrincipal principal ? principal : null;
        audit.failure(SystemEvent.ACCESS_REFUSED, who == null ? null : who.tenantId(),
                who == null ? "anonymous" : "member:" + who.memberId(),
                request.getMethod() + " " + request.getRequestURI() + (impersonating ? ": refused while impersonating" : ": " + refusal));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }
}
