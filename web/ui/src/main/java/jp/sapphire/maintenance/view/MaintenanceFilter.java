package jp.sapphire.maintenance.view;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jp.sapphire.maintenance.boundary.Maintenance;

/**
 * While the system is in maintenance (a restore runs), every page answers 503 with a page that
 * says so in Japanese and English, and nothing reaches the application. Only stylesheets pass.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MaintenanceFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Maintenance maintenance;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> reason = maintenance.underMaintenance();
        if (reason.isEmpty() || request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "300");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String why = escape(reason.get());
        response.getOutputStream().write(("""
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="UTF-8"><title>メンテナンス中 | SAPPHIRE</title>
                <style>body{font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.7}</style></head>
                <body><h1 id="maintenance">ただいまメンテナンス中です</h1>
                <p>SAPPHIRE for Enterprise は現在メンテナンスを行っています。終了までしばらくお待ちください。</p>
                <p>理由: %s</p>
                <hr><h2 lang="en">SAPPHIRE is under maintenance</h2>
                <p lang="en">Please wait a little and try again. Reason: %s</p>
                </body></html>
                """.formatted(why, why)).getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
