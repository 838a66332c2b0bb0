package jp.sapphire.maintenance.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import jp.sapphire.maintenance.boundary.Maintenance;
import jp.sapphire.platform.rest.ApiLocale;
import jp.sapphire.platform.rest.Problem;
import jp.sapphire.platform.rest.ProblemMappers;

/** While the system is in maintenance every call is answered 503 with the reason, and nothing runs. */
@Provider
@PreMatching
public class MaintenanceFilter implements ContainerRequestFilter {

    @EJB
    Maintenance maintenance;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> reason = maintenance.underMaintenance();
        if (reason.isPresent()) {
            Response problem = Problem.of("maintenance", ProblemMappers.text("maintenance", ApiLocale.of(headers)), 503,
                    reason.get(), List.of()).toResponse();
            request.abortWith(Response.fromResponse(problem).header("Retry-After", "300").build());
        }
    }
}
