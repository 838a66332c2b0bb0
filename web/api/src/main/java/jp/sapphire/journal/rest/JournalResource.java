package jp.sapphire.journal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import jp.sapphire.journal.boundary.Journals;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.platform.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Journal files (仕訳) for the tenant's accounting software, ACCOUNTING only:
 * {@code GET /api/v1/journal?format=yayoi|freee|mf&from=&to=&basis=approved|paid} (days in the
 * caller's zone, both included) and {@code GET /api/v1/journal/payment-batches/{id}?format=} (the
 * batch's reports, and their payment once it is paid). {@code charset=utf-8|shift_jis} for freee;
 * 弥生 and マネーフォワード are Shift_JIS. docs/JOURNALS.md.
 */
@Path("v1/journal")
@RequestScoped
@Produces({JournalResource.CSV, MediaType.APPLICATION_JSON})
@RolesAllowed("ACCOUNTING")
public class JournalResource {

    static final String CSV = "text/csv";

    @EJB
    Journals journals;

    @GET
    @APIResponse(responseCode = "200", description = "The journal file: CSV in the software's import format",
            content = @Content(mediaType = CSV))
    public Response period(@QueryParam("format") String format, @QueryParam("basis") String basis,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("charset") String charset) {
        return file(journals.period(QueryParams.choice("format", format, Software.class),
                QueryParams.choice("basis", basis, Journals.Basis.class), QueryParams.date("from", from),
                QueryParams.date("to", to), charset));
    }

    @GET
    @Path("payment-batches/{id}")
    @APIResponse(responseCode = "200", description = "The batch's journal file: CSV in the software's import format",
            content = @Content(mediaType = CSV))
    public Response batch(@PathParam("id") String id, @QueryParam("format") String format,
                          @QueryParam("charset") String charset) {
        return file(journals.batch(QueryParams.uuid("id", id), QueryParams.choice("format", format, Software.class), charset));
    }

    private static Response file(Journals.Export export) {
        String charset = export.charset().equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS";
        return Response.ok(export.content(), CSV + "; charset=" + charset)
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
                .header("Cache-Control", "private, no-store")
                .header("X-Journal-Slips", export.slips()).build();
    }
}
