package jp.sapphire.payment.view;

import jakarta.servlet.annotation.WebFilter;
import jp.sapphire.platform.view.RoleArea;

/** The payment pages are for accounting only, never while impersonating: money leaves the company from there. */
@WebFilter(urlPatterns = "/app/payments/*")
public class PaymentAreaFilter extends RoleArea {

    private static final long serialVersionUID = 1L;

    public PaymentAreaFilter() {
        super("not accounting", "ACCOUNTING");
    }
}
