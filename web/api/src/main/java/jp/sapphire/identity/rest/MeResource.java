package jp.sapphire.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.sapphire.identity.control.ApiTokenSigner;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /api/v1/me}: the caller's tenant, name and roles, as their token states them. */
@Path("v1/me")
@RequestScoped
public class MeResource {

    /** The caller as the API sees them. */
    public record Me(String tenant, String name, List<String> roles) {
    }

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
    public Me me() {
        return new Me(token.getClaim(ApiTokenSigner.TENANT_SLUG_CLAIM), token.getClaim("name"),
                token.getGroups().stream().sorted().toList());
    }
}
