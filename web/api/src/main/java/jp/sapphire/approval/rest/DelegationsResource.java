package jp.sapphire.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import jp.sapphire.approval.boundary.Delegations;
import jp.sapphire.approval.rest.ApprovalJson.DelegationRequest;
import jp.sapphire.approval.rest.ApprovalJson.DelegationView;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;

/** The caller's delegations (代理承認): who acts for them, on which days. */
@Path("v1/delegations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class DelegationsResource {

    @EJB
    Delegations delegations;

    @GET
    public List<DelegationView> delegations() {
        return delegations.mine().stream().map(DelegationView::of).toList();
    }

    @POST
    public Response delegate(DelegationRequest request) {
        if (request == null) {
            throw new InvalidInputException(InputProblem.of("", "sapphire.api.body.required"));
        }
        var delegation = delegations.delegate(request.deputyId(), request.validFrom(), request.validTo());
        return Response.status(Response.Status.CREATED).entity(DelegationView.of(delegation)).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") UUID id) {
        delegations.revoke(id);
        return Response.noContent().build();
    }
}
