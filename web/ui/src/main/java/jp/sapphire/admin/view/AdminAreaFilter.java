package jp.sapphire.admin.view;

import jakarta.servlet.annotation.WebFilter;
import jp.sapphire.platform.view.RoleArea;

/** Every page of the admin console is for tenant administrators only, never while impersonating. */
@WebFilter(urlPatterns = "/app/admin/*")
public class AdminAreaFilter extends RoleArea {

    private static final long serialVersionUID = 1L;

    public AdminAreaFilter() {
        super("not a tenant administrator", "TENANT_ADMIN");
    }
}
