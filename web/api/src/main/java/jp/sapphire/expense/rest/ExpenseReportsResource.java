package jp.sapphire.expense.rest;

import static jp.sapphire.platform.rest.Requests.required;
import static jp.sapphire.platform.rest.Requests.version;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.sapphire.actionlog.boundary.ActionLog;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.approval.boundary.Submissions;
import jp.sapphire.approval.rest.ApprovalJson.ActionView;
import jp.sapphire.approval.rest.ApprovalJson.CommentRequest;
import jp.sapphire.approval.rest.ApprovalJson.DecisionRequest;
import jp.sapphire.approval.rest.ApprovalJson.StepView;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.Invoices;
import jp.sapphire.expense.boundary.LineSaved;
import jp.sapphire.expense.boundary.ReportFilter;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.expense.rest.ReportJson.InvoiceRequest;
import jp.sapphire.expense.rest.ReportJson.LineRequest;
import jp.sapphire.expense.rest.ReportJson.ReceiptView;
import jp.sapphire.expense.rest.ReportJson.ReportPage;
import jp.sapphire.expense.rest.ReportJson.ReportRequest;
import jp.sapphire.expense.rest.ReportJson.ReportSummary;
import jp.sapphire.expense.rest.ReportJson.ReportView;
import jp.sapphire.expense.rest.ReportJson.Warning;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.rest.ApiLocale;
import jp.sapphire.platform.rest.QueryParams;
import jp.sapphire.receipt.boundary.ReportViews;
import jp.sapphire.receipt.boundary.Receipts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Expense reports: the caller's own, their lines and the lines' receipts (multipart/form-data,
 * part {@code file}); and the decisions of approvers and accounting on a report, its route and its
 * action log. Each report response carries the report's version as its ETag; send it back as
 * {@code If-Match} to refuse (409) a change made meanwhile by someone else.
 */
@Path("v1/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ExpenseReportsResource {

    @EJB
    ExpenseReports reports;

    @EJB
    Submissions submissions;

    @EJB
    Receipts receipts;

    @EJB
    Approvals approvals;

    @EJB
    ActionLog actionLog;

    @EJB
    Invoices invoices;

    @EJB
    ReportViews views;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    @ConfigProperty(name = "sapphire.receipt.max-bytes")
    long maxBytes;

    /** A receipt just stored, with what to look at again. */
    public record Uploaded(ReceiptView receipt, List<Warning> warnings) {
    }

    @GET
    public ReportPage list(@QueryParam("status") String status, @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        var found = reports.mine(new ReportFilter(status(status), null, null),
                QueryParams.whole("page", page, 0, 0, ExpenseReports.MAX_PAGE),
                QueryParams.whole("size", size, 20, 1, ExpenseReports.MAX_PAGE_SIZE));
        return new ReportPage(found.items().stream().map(ReportSummary::of).toList(), found.total(), found.page(),
                found.size());
    }

    @POST
    public Response create(ReportRequest request) {
        ExpenseReport report = reports.create(required(request).input());
        return view(Response.created(uri.getAbsolutePathBuilder().path(report.getId().toString()).build()), report, List.of());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        return view(Response.ok(), id, List.of());
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           ReportRequest request) {
        return view(Response.ok(), reports.update(id, version(ifMatch), required(request).input()), List.of());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        reports.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/lines")
    public Response addLine(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            LineRequest request) {
        LineSaved saved = reports.addLine(id, version(ifMatch), required(request).input());
        return view(Response.created(uri.getAbsolutePathBuilder().path(saved.line().getId().toString()).build()),
                id, saved.warnings());
    }

    @PUT
    @Path("{id}/lines/{lineId}")
    public Response updateLine(@PathParam("id") UUID id, @PathParam("lineId") UUID lineId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, LineRequest request) {
        LineSaved saved = reports.updateLine(id, version(ifMatch), lineId, required(request).input());
        return view(Response.ok(), id, saved.warnings());
    }

    @DELETE
    @Path("{id}/lines/{lineId}")
    public Response removeLine(@PathParam("id") UUID id, @PathParam("lineId") UUID lineId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(Response.ok(), reports.removeLine(id, version(ifMatch), lineId), List.of());
    }

    @POST
    @Path("{id}/submit")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(Response.ok(), submissions.submit(id, version(ifMatch)), List.of());
    }

    @POST
    @Path("{id}/withdraw")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(Response.ok(), submissions.withdraw(id, version(ifMatch)), List.of());
    }

    /** 承認 (the step that waits); optional body {@code {"comment": ...}}. */
    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            DecisionRequest request) {
        return view(Response.ok(), approvals.approve(id, version(ifMatch), comment(request)), List.of());
    }

    /** 差し戻し: {@code {"comment": required, "toStep": an earlier step, or absent for the applicant}}. */
    @POST
    @Path("{id}/return")
    public Response sendBack(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             DecisionRequest request) {
        return view(Response.ok(), approvals.sendBack(id, version(ifMatch), comment(request),
                request == null ? null : request.toStep()), List.of());
    }

    /** 却下: {@code {"comment": required}}. */
    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           DecisionRequest request) {
        return view(Response.ok(), approvals.reject(id, version(ifMatch), comment(request)), List.of());
    }

    /** 支払済, by accounting, for an approved report. */
    @POST
    @Path("{id}/pay")
    public Response pay(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return view(Response.ok(), approvals.markPaid(id, version(ifMatch)), List.of());
    }

    /** インボイス区分の変更, by accounting: {@code {"status": "QUALIFIED" …, "reason": required}}; the action log records it. */
    @PUT
    @Path("{id}/lines/{lineId}/invoice")
    public Response invoice(@PathParam("id") UUID id, @PathParam("lineId") UUID lineId, InvoiceRequest request) {
        invoices.override(id, lineId, required(request).status(), request.reason());
        return view(Response.ok(), id, List.of());
    }

    @POST
    @Path("{id}/lines/{lineId}/comments")
    public Response comment(@PathParam("id") UUID id, @PathParam("lineId") UUID lineId, CommentRequest request) {
        approvals.commentOnLine(id, lineId, request == null ? null : request.comment());
        return Response.status(Response.Status.CREATED).entity(actions(id)).build();
    }

    /** The report's action log, oldest first. */
    @GET
    @Path("{id}/actions")
    public List<ActionView> actions(@PathParam("id") UUID id) {
        return actionLog.ofReport(id).stream().map(ActionView::of).toList();
    }

    /** The steps of the report's route (of its current, or last, submission). */
    @GET
    @Path("{id}/route")
    public List<StepView> route(@PathParam("id") UUID id) {
        return approvals.route(id).stream().map(StepView::of).toList();
    }

    @POST
    @Path("{id}/lines/{lineId}/receipt")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
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
    @Path("{id}/lines/{lineId}/receipts")
    public List<ReceiptView> versions(@PathParam("id") UUID reportId, @PathParam("lineId") UUID lineId) {
        return receipts.ofLine(reportId, lineId).stream().map(ReceiptView::of).toList();
    }

    @DELETE
    @Path("{id}/receipts/{receiptId}")
    public Response remove(@PathParam("id") UUID reportId, @PathParam("receiptId") UUID receiptId) {
        receipts.remove(reportId, receiptId);
        return Response.noContent().build();
    }

    /** At most one byte more than the limit is read: enough for the boundary to refuse a file that is too large. */
    private byte[] read(EntityPart file) {
        try (InputStream content = file.getContent()) {
            return content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as written by an action, read again with its lines' invoice treatment and receipts. */
    private Response view(Response.ResponseBuilder response, ExpenseReport written, List<InputProblem> warnings) {
        return view(response, written.getId(), warnings);
    }

    private Response view(Response.ResponseBuilder response, UUID id, List<InputProblem> warnings) {
        ReportViews.View shown = views.view(id);
        ExpenseReport report = shown.report();
        // A line's policy breaches are listed with the report's, once.
        List<Warning> listed = new ArrayList<>(Warning.of(warnings.stream()
                .filter(warning -> !warning.messageKey().startsWith("sapphire.policy.")).toList(), ApiLocale.of(headers)));
        listed.addAll(Warning.ofPolicy(report.getLines(), shown.breaches(), ApiLocale.of(headers)));
        ReportView view = ReportView.of(report, shown.invoices(), shown.receipts(), shown.breaches(), listed);
        return response.entity(view).tag(new EntityTag(Long.toString(report.getVersion()))).build();
    }

    private static String comment(DecisionRequest request) {
        return request == null ? null : request.comment();
    }

    private static ReportStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ReportStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(InputProblem.of("status", "sapphire.api.status.unknown"));
        }
    }
}
