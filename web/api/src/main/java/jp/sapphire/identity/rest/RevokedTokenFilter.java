package jp.sapphire.identity.rest;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.boundary.ApiTokens;
import jp.sapphire.identity.control.ApiTokenSigner;
import jp.sapphire.platform.control.ServiceMeters;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A signature that verifies is not enough: the token must carry its id ({@code jti}), still be on
 * record, unrevoked, and its member active. Anything else is answered 401, as for a token that
 * does not verify at all.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class RevokedTokenFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @EJB
    ApiTokens tokens;

    @EJB
    SystemAudit audit;

    @Inject
    ServiceMeters meters;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token == null || token.getRawToken() == null) {
            return;
        }
        boolean usable;
        try {
            UUID tenant = tenantOf(token);
            usable = token.getTokenID() != null && tenant != null && tokens.isUsable(UUID.fromString(token.getTokenID()), tenant,
                    token.getGroups() == null ? Set.of() : token.getGroups());
        } catch (IllegalArgumentException notOurs) {
            usable = false;
        }
        meters.apiToken(usable);
        if (!usable) {
            audit.failure(SystemEvent.ACCESS_REFUSED, tenantOf(token), "member:" + token.getSubject(),
                    "API token " + token.getTokenID() + " is revoked, expired, unknown, its member inactive or a role of it revoked");
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .build());
        }
    }

    private static UUID tenantOf(JsonWebToken token) {
        String tenant = token.getClaim(ApiTokenSigner.TENANT_CLAIM);
        try {
            return tenant == null ? null : UUID.fromString(tenant);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
