package jp.sapphire.identity.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import jp.sapphire.identity.control.SignInFailure.Reason;

/** The sign-in error page: which reason to explain, and where to try again. */
@Named("signInError")
@RequestScoped
public class SignInErrorBacking {

    private String reason = "UNKNOWN";
    private String tenant;

    public String getReason() {
        return reason;
    }

    /** Only known reasons are shown; anything else reads as a general failure. */
    public void setReason(String reason) {
        this.reason = Arrays.stream(Reason.values()).map(Enum::name).filter(name -> name.equals(reason))
                .findFirst().orElse("UNKNOWN");
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant != null && tenant.matches("[a-z0-9][a-z0-9-]{1,62}") ? tenant : null;
    }
}
