package jp.sapphire.payment.rest;

import static jp.sapphire.platform.rest.Requests.required;
import static jp.sapphire.platform.rest.Requests.version;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.payment.boundary.Payments;
import jp.sapphire.payment.rest.PaymentJson.BatchRequest;
import jp.sapphire.payment.rest.PaymentJson.BatchSummaryView;
import jp.sapphire.payment.rest.PaymentJson.BatchView;
import jp.sapphire.payment.rest.PaymentJson.ReportsRequest;
import jp.sapphire.payment.rest.PaymentJson.UnpaidPage;
import jp.sapphire.payment.rest.PaymentJson.UnpaidView;
import jp.sapphire.platform.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Accounting's payments: {@code /api/v1/payments/pending} (approved reports no batch holds) and
 * {@code /api/v1/payment-batches}: make a batch, add or take out reports while it is a draft,
 * export it (the 全銀 file is made), download the file, mark it paid, cancel it. ACCOUNTING only.
 * Each batch response carries the batch's version as its ETag, for If-Match.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("ACCOUNTING")
public class PaymentsResource {

    /** The 全銀 file's media type: fixed-width records in Shift_JIS (half-width characters only). */
    static final String ZENGIN_TYPE = "text/plain; charset=Shift_JIS";

    @EJB
    Payments payments;

    @Context
    UriInfo uri;

    /**
     * {@code approvedFrom}/{@code approvedTo} (days in the caller's zone, both included),
     * {@code departmentId}, {@code minTotalYen}, {@code maxTotalYen}; {@code page} (from 0), {@code size} (1–500, 100).
     */
    @GET
    @Path("payments/pending")
    public UnpaidPage pending(@QueryParam("approvedFrom") String from, @QueryParam("approvedTo") String to,
                              @QueryParam("departmentId") String department, @QueryParam("minTotalYen") String min,
                              @QueryParam("maxTotalYen") String max, @QueryParam("page") String page,
                              @QueryParam("size") String size) {
        var filter = new Payments.PendingFilter(QueryParams.date("approvedFrom", from), QueryParams.date("approvedTo", to),
                QueryParams.uuid("departmentId", department), QueryParams.number("minTotalYen", min), QueryParams.number("maxTotalYen", max));
        var found = payments.pending(filter, QueryParams.whole("page", page, 0, 0, ExpenseReports.MAX_PAGE),
                QueryParams.whole("size", size, 100, 1, Payments.MAX_REPORTS));
        return new UnpaidPage(found.total(), found.items().stream().map(UnpaidView::of).toList());
    }

    @GET
    @Path("payment-batches")
    public List<BatchSummaryView> batches() {
        return payments.batches().stream().map(BatchSummaryView::of).toList();
    }

    @POST
    @Path("payment-batches")
    public Response create(BatchRequest request) {
        Payments.Batch batch = payments.create(required(request).transferDate(), request.reportIds());
        return view(Response.created(uri.getAbsolutePathBuilder().path(batch.batch().getId().toString()).build()), batch);
    }

    @GET
    @Path("payment-batches/{id}")
    public Response batch(@PathParam("id") UUID id) {
        return view(Response.ok(), payments.batch(id));
    }

    @POST
    @Path("payment-batches/{id}/reports")
    public Response add(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReportsRequest request) {
        return view(Response.ok(), payments.add(id, version(ifMatch), required(request).reportIds()));
    }

    @DELETE
    @Path("payment-batches/{id}/reports/{reportId}")
    public Response remove(@PathParam("id") UUID id, @PathParam("reportId") UUID reportId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(Response.ok(), payments.remove(id, version(ifMatch), reportId));
    }

    @POST
    @Path("payment-batches/{id}/export")
    public Response export(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(Response.ok(), payments.export(id, version(ifMatch)));
    }

    /** The 全銀協 総合振込 file of an exported or paid batch. */
    @GET
    @Path("payment-batches/{id}/zengin")
    @Produces({ZENGIN_TYPE, MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "The 全銀協 総合振込 file: 120-byte records, JIS X 0201 characters",
            content = @Content(mediaType = ZENGIN_TYPE))
    public Response zengin(@PathParam("id") UUID id) {
        byte[] file = payments.file(id);
        return Response.ok(file, ZENGIN_TYPE)
                .header("Content-Disposition", "attachment; filename=\"zengin-" + id + ".txt\"").build();
    }

    @POST
    @Path("payment-batches/{id}/paid")
    public Response paid(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(Response.ok(), payments.markPaid(id, version(ifMatch)));
    }

    @POST
    @Path("payment-batches/{id}/cancel")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(Response.ok(), payments.cancel(id, version(ifMatch)));
    }

    private static Response view(Response.ResponseBuilder response, Payments.Batch batch) {
        return response.entity(BatchView.of(batch)).tag(new EntityTag(Long.toString(batch.batch().getVersion()))).build();
    }
}
