package jp.sapphire.receipt.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import jp.sapphire.expense.rest.ReportJson.ReceiptView;
import jp.sapphire.expense.rest.ReportJson.Warning;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.rest.ApiLocale;
import jp.sapphire.receipt.boundary.Receipts;
import jp.sapphire.receipt.control.ContentDisposition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Receipts of the caller's report lines, and receipt content by id for those who may read the report. */
@Path("v1")
@RequestScoped
@RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ReceiptsResource {

    /** A receipt just stored, with what to look at again. */
    public record Uploaded(ReceiptView receipt, List<Warning> warnings) {
    }

    @EJB
    Receipts receipts;

    @Context
    HttpHeaders headers;

    @Inject
    @ConfigProperty(name = "sapphire.receipt.max-bytes")
    long maxBytes;

    @POST
    @Path("reports/{id}/lines/{lineId}/receipt")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") UUID reportId, @PathParam("lineId") UUID lineId,
                           @FormParam("file") EntityPart file) {
        if (file == null) {
            throw new InvalidInputException(InputProblem.of("file", "sapphire.receipt.empty"));
        }
        var uploaded = receipts.upload(reportId, lineId, file.getFileName().orElse(null), read(file));
        return Response.created(URI.create("/api/v1/receipts/" + uploaded.receipt().getId()))
                .entity(new Uploaded(ReceiptView.of(uploaded.receipt()),
                        Warning.of(uploaded.warnings(), ApiLocale.of(headers))))
                .build();
    }

    @GET
    @Path("reports/{id}/lines/{lineId}/receipts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReceiptView> versions(@PathParam("id") UUID reportId, @PathParam("lineId") UUID lineId) {
        return receipts.ofLine(reportId, lineId).stream().map(ReceiptView::of).toList();
    }

    @DELETE
    @Path("reports/{id}/receipts/{receiptId}")
    public Response remove(@PathParam("id") UUID reportId, @PathParam("receiptId") UUID receiptId) {
        receipts.remove(reportId, receiptId);
        return Response.noContent().build();
    }

    /** The receipt's bytes, as the type stored (checked at upload), always as a download. */
    @GET
    @Path("receipts/{receiptId}")
    public Response download(@PathParam("receiptId") UUID receiptId) {
        Receipts.Download download = receipts.download(receiptId);
        return Response.ok(download.content(), download.receipt().getContentType())
                .header("Content-Disposition", ContentDisposition.attachment(download.receipt().getFilename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** At most one byte more than the limit is read: enough for the boundary to refuse a file that is too large. */
    private byte[] read(EntityPart file) {
        try (InputStream content = file.getContent()) {
            return content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
