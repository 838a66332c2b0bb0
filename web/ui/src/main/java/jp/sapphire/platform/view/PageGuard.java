package jp.sapphire.platform.view;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Before any page runs: a request body larger than the largest receipt (and a little for the
 * form around it) is refused with 413 before it is read; and no page — they show a member's
 * reports and settings — is kept by the browser or any cache (static resources keep their own
 * caching).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PageGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final long FORM_MARGIN = 1024 * 1024;

    @Inject
    @ConfigProperty(name = "sapphire.receipt.max-bytes")
    transient long receiptMaxBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > receiptMaxBytes + FORM_MARGIN) {
            PlainPage.write(response, 413, 0, "too-large", receiptMaxBytes / 1_000_000);
            return;
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
