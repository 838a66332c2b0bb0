package jp.sapphire.platform.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** The error page: a message for the status, never the exception itself. */
@Named("errorPage")
@RequestScoped
public class ErrorBacking {

    @Inject
    HttpServletRequest request;

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
