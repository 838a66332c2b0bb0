package jp.sapphire.actionlog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import jp.sapphire.actionlog.boundary.ActionLog;
import jp.sapphire.actionlog.control.ActionChain.Verification;
import jp.sapphire.actionlog.control.ActionLogCsv;
import jp.sapphire.platform.rest.ApiLocale;
import jp.sapphire.platform.rest.QueryParams;

/**
 * The tenant's action log: a period as CSV for Excel (accounting and tenant administrators), and
 * the check of its hash chain (tenant administrators).
 */
@Path("v1/action-log")
@RequestScoped
@RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ActionLogResource {

    @EJB
    ActionLog actionLog;

    @Context
    HttpHeaders headers;

    /** {@code from} and {@code to}: days in the caller's time zone, both included. */
    @GET
    @Produces("text/csv")
    public Response export(@QueryParam("from") String fromDay, @QueryParam("to") String toDay) {
        LocalDate from = QueryParams.date("from", fromDay);
        LocalDate to = QueryParams.date("to", toDay);
        ActionLog.Export export = actionLog.between(from, to);
        StreamingOutput csv = out -> actionLog.writeCsv(export, ApiLocale.of(headers),
                new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(csv, ActionLogCsv.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"action-log-" + from + "-" + to + ".csv\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    public record VerificationView(long entries, boolean intact, Long brokenAt, String reason) {
    }

    @GET
    @Path("verification")
    @Produces(MediaType.APPLICATION_JSON)
    public VerificationView verify() {
        Verification verification = actionLog.verify();
        return new VerificationView(verification.entries(), verification.intact(), verification.brokenAt(),
                verification.reason());
    }
}
