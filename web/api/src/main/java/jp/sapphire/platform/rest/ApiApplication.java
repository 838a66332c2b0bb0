package jp.sapphire.platform.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * SAPPHIRE's REST API, versioned in the path ({@code /api/v1/...}). Callers present a personal
 * API token issued by SAPPHIRE as a bearer token; MicroProfile JWT verifies it.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "sapphire-api")
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ApiApplication extends Application {
}
