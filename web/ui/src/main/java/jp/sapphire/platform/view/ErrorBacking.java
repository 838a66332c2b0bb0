package jp.sapphire.platform.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jp.sapphire.platform.control.ServiceMeters;

/** The error page: a message for the status, never the exception itself. */
@Named("errorPage")
@RequestScoped
public class ErrorBacking {

    @Inject
    HttpServletRequest request;

    @Inject
    ServiceMeters meters;

    /** A failure the container caught is counted for the monitoring (docs/MONITORING.md). */
    @PostConstruct
    void count() {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            meters.requestFailed(failure);
        }
    }

    /** 403, 404 or 500 when the container reports one of those; anything else reads as a general error. */
    public String getStatus() {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String code = status == null ? "" : status.toString();
        return switch (code) {
            case "403", "404", "500" -> code;
            default -> "other";
        };
    }
}
