package jp.sapphire.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.approval.rest.ApprovalJson.BulkOutcome;
import jp.sapphire.approval.rest.ApprovalJson.BulkRequest;
import jp.sapphire.approval.rest.ApprovalJson.Inbox;
import jp.sapphire.approval.rest.ApprovalJson.PendingView;
import jp.sapphire.approval.rest.ApprovalJson.Refused;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.rest.ApiLocale;
import jp.sapphire.platform.rest.QueryParams;

/**
 * The caller's approval inbox (reports waiting for their decision, as approver, deputy or role
 * holder) with bulk approval. Decisions on one report are under {@code /api/v1/reports/{id}}.
 */
@Path("v1/approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ApprovalsResource {

    /** More than this many reports at once are refused: a bulk approval is one person's day, not a batch job. */
    static final int MAX_BULK = 200;

    @EJB
    Approvals approvals;

    @Context
    HttpHeaders headers;

    /**
     * {@code applicant} (part of the name), {@code submittedFrom}/{@code submittedTo} (days, both
     * included), {@code minTotalYen}; {@code page} (from 0) and {@code size} (1–100, 50 unless given).
     * {@code count} is how many wait in all.
     */
    @GET
    public Inbox pending(@QueryParam("applicant") String applicant, @QueryParam("submittedFrom") String from,
                         @QueryParam("submittedTo") String to, @QueryParam("minTotalYen") String minTotalYen,
                         @QueryParam("page") String page, @QueryParam("size") String size) {
        var filter = new Approvals.PendingFilter(applicant, QueryParams.date("submittedFrom", from),
                QueryParams.date("submittedTo", to), QueryParams.number("minTotalYen", minTotalYen));
        var found = approvals.pending(filter, QueryParams.whole("page", page, 0, 0, ExpenseReports.MAX_PAGE),
                QueryParams.whole("size", size, 50, 1, ExpenseReports.MAX_PAGE_SIZE));
        return new Inbox(found.total(), found.items().stream().map(PendingView::of).toList());
    }

    @POST
    @Path("approve")
    public BulkOutcome approveAll(BulkRequest request) {
        if (request == null || request.ids() == null || request.ids().isEmpty() || request.ids().size() > MAX_BULK) {
            throw new InvalidInputException(InputProblem.of("ids", "sapphire.approval.bulk.size", "max", MAX_BULK));
        }
        Map<UUID, Refusal> refused = approvals.approveAll(request.ids());
        List<UUID> approved = new ArrayList<>(request.ids());
        approved.removeAll(refused.keySet());
        return new BulkOutcome(approved, refused.entrySet().stream()
                .map(e -> new Refused(e.getKey(), Messages.text(e.getValue().problem(), ApiLocale.of(headers)))).toList());
    }
}
