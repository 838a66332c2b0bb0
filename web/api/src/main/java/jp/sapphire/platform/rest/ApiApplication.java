package jp.sapphire.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** SAPPHIRE's REST API, versioned in the path: {@code /api/v1/...}. */
@ApplicationPath("/")
public class ApiApplication extends Application {
}
