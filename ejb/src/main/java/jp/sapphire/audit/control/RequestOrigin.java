package jp.sapphire.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The remote address and user agent of the HTTP request being served, or nothing for work
 * that no request started (start-up, timers). The address is the TCP peer's: a forwarding
 * header is only trustworthy behind a known proxy, which this deployment does not have yet.
 */
@ApplicationScoped
public class RequestOrigin {

    /** Address and user agent; either may be {@code null}. */
    public record Origin(String remoteAddress, String userAgent) {

        public static final Origin NONE = new Origin(null, null);
    }

    @Inject
    Instance<HttpServletRequest> request;

    public Origin current() {
        try {
            HttpServletRequest current = request.get();
            return new Origin(current.getRemoteAddr(), current.getHeader("User-Agent"));
        } catch (ContextNotActiveException | IllegalStateException e) {
            return Origin.NONE;
        }
    }
}
