package jp.sapphire.defence.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import jp.sapphire.defence.control.RateLimits;
import jp.sapphire.platform.rest.ApiLocale;
import jp.sapphire.platform.rest.Problem;
import jp.sapphire.platform.rest.ProblemMappers;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every call with a token counts against that token's rate (sapphire.rate-limit.api.per-minute);
 * beyond it the call is answered 429 problem+json with Retry-After, before anything runs. Calls
 * without a token are refused by authentication anyway and never reach a resource.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 2)
public class ApiRateLimit implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Inject
    RateLimits limits;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null || token.getTokenID() == null) {
            return;
        }
        RateLimits.Verdict verdict = limits.take(RateLimits.Limit.API, token.getTokenID());
        if (!verdict.allowed()) {
            Locale locale = ApiLocale.of(headers);
            Response problem = Problem.of("too-many-requests", ProblemMappers.text("too-many-requests", locale), 429,
                    MessageFormat.format(ProblemMappers.text("too-many-requests.detail", locale), verdict.retryAfterSeconds()),
                    List.of()).toResponse();
            request.abortWith(Response.fromResponse(problem)
                    .header("Retry-After", Long.toString(verdict.retryAfterSeconds())).build());
        }
    }
}
