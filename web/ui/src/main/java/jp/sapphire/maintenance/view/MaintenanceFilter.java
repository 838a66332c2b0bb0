package jp.sapphire.maintenance.view;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import jp.sapphire.maintenance.boundary.Maintenance;
import jp.sapphire.platform.view.PlainPage;

/**
 * While the system is in maintenance (a restore runs), every page answers 503 with a page that
 * says so in Japanese and English, and nothing reaches the application. Only stylesheets pass.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MaintenanceFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    Maintenance maintenance;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> reason = maintenance.underMaintenance();
        if (reason.isEmpty() || request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        PlainPage.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, 300, "maintenance", reason.get());
    }
}
