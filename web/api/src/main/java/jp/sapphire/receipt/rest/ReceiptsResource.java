package jp.sapphire.receipt.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import jp.sapphire.receipt.boundary.Receipts;
import jp.sapphire.receipt.control.ContentDisposition;

/**
 * Receipt content by id, for those who may read the report (upload and versions are under the
 * report's lines, {@link jp.sapphire.expense.rest.ExpenseReportsResource}).
 */
@Path("v1/receipts")
@RequestScoped
@RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ReceiptsResource {

    @EJB
    Receipts receipts;

    /** The receipt's bytes, as the type stored (checked at upload), always as a download. */
    @GET
    @Path("{receiptId}")
    public Response download(@PathParam("receiptId") UUID receiptId) {
        Receipts.Download download = receipts.download(receiptId);
        return Response.ok(download.content(), download.receipt().getContentType())
                .header("Content-Disposition", ContentDisposition.attachment(download.receipt().getFilename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
