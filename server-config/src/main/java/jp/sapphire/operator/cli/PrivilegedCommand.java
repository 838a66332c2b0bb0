package jp.sapphire.operator.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code privileged enable|withdraw}: the privileged account (特権アカウント), issued on the customer's request. */
@Command(name = "privileged", description = "Issue or withdraw a tenant's privileged account.")
final class PrivilegedCommand extends SapphireAdmin.Group {

    /** Who the first administrator is: an IdP user ID or an IdP group. */
    static final class Administrator {
        @Option(names = "--admin-subject", required = true, description = "The administrator's IdP user ID.")
        String subject;

        @Option(names = "--admin-group", required = true, description = "An IdP group whose members administer the tenant.")
        String group;
    }

    @Command(description = "Issue the privileged account and bind TENANT_ADMIN to the customer's administrator.")
    int enable(@Parameters(paramLabel = "SLUG") String slug, @ArgGroup(multiplicity = "1") Administrator administrator)
            throws Exception {
        return ((SapphireAdmin) parent).call("Tenants", "enablePrivilegedAccount", slug,
                administrator.subject != null ? "SUBJECT" : "GROUP",
                administrator.subject != null ? administrator.subject : administrator.group);
    }

    @Command(description = "Withdraw the privileged account: nobody of the tenant holds TENANT_ADMIN from their next request.")
    int withdraw(@Parameters(paramLabel = "SLUG") String slug) throws Exception {
        return ((SapphireAdmin) parent).call("Tenants", "withdrawPrivilegedAccount", slug);
    }
}
