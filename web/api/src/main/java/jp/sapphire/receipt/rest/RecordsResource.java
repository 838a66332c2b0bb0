package jp.sapphire.receipt.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.rest.ReportJson.ReceiptView;
import jp.sapphire.platform.rest.QueryParams;
import jp.sapphire.receipt.boundary.Records;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/v1/records}: the 電子帳簿保存法 search — every submitted line by {@code from}/{@code to}
 * (取引年月日, both included), {@code minYen}/{@code maxYen} (金額, both included) and {@code payee}
 * (取引先, part of it), in any combination, with every version of its receipt
 * ({@code /api/v1/receipts/{id}} downloads one). ACCOUNTING and TENANT_ADMIN only; the archive of
 * everything, TENANT_ADMIN only.
 */
@Path("v1/records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ACCOUNTING", "TENANT_ADMIN"})
public class RecordsResource {

    @EJB
    Records records;

    public record RecordView(UUID lineId, LocalDate spentOn, long amountYen, String payee, String invoiceNumber,
                             String category, UUID reportId, String reportTitle, String applicant, String status,
                             List<ReceiptView> receipts) {

        static RecordView of(Records.Found found) {
            var line = found.line();
            return new RecordView(line.getId(), line.getSpentOn(), line.getAmountYen(), line.getPayee(), line.getInvoiceNumber(),
                    line.getCategory().getCode(), found.report().getId(), found.report().getTitle(), found.applicant(),
                    found.report().getStatus().name(), found.receipts().stream().map(ReceiptView::of).toList());
        }
    }

    public record RecordPage(long count, List<RecordView> items) {
    }

    /**
     * {@code GET /api/v1/records/archive}: every record and every receipt version of the tenant as a
     * ZIP, for the tenant's administrators to keep before the deletion at contract end.
     */
    @GET
    @Path("archive")
    @Produces("application/zip")
    @RolesAllowed("TENANT_ADMIN")
    @APIResponse(responseCode = "200", description = "records.csv and receipts/…, every version",
            content = @Content(mediaType = "application/zip"))
    public Response archive() {
        StreamingOutput zip = records::archive;
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"sapphire-records.zip\"")
                .header("Cache-Control", "private, no-store").build();
    }

    /** {@code page} (from 0) and {@code size} (1–200, 50 unless given). */
    @GET
    public RecordPage search(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("minYen") String minYen,
                             @QueryParam("maxYen") String maxYen, @QueryParam("payee") String payee,
                             @QueryParam("page") String page, @QueryParam("size") String size) {
        var found = records.search(new Records.Filter(QueryParams.date("from", from), QueryParams.date("to", to),
                        QueryParams.number("minYen", minYen), QueryParams.number("maxYen", maxYen), payee),
                QueryParams.whole("page", page, 0, 0, ExpenseReports.MAX_PAGE), QueryParams.whole("size", size, 50, 1, Records.MAX_PAGE));
        return new RecordPage(found.total(), found.items().stream().map(RecordView::of).toList());
    }
}
