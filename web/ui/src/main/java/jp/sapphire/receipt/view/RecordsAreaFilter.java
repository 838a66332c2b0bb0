package jp.sapphire.receipt.view;

import jakarta.servlet.annotation.WebFilter;
import jp.sapphire.platform.view.RoleArea;

/** The 電帳法 search of every submitted line and receipt is for accounting and tenant administrators only. */
@WebFilter(urlPatterns = "/app/records/*")
public class RecordsAreaFilter extends RoleArea {

    private static final long serialVersionUID = 1L;

    public RecordsAreaFilter() {
        super("neither accounting nor a tenant administrator", "ACCOUNTING", "TENANT_ADMIN");
    }
}
