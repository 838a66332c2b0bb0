package jp.sapphire.operator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenant create|list|show|suspend|resume}: the customers the service runs. */
@Command(name = "tenant", description = "Open, list, show, suspend and resume tenants.")
final class TenantCommand extends SapphireAdmin.Group {

    @Command(description = "Open a tenant: its id (2 to 63 of a-z, 0-9, -), name and data region.")
    int create(@Parameters(paramLabel = "SLUG") String slug,
               @Option(names = "--name", required = true, description = "The customer's name.") String name,
               @Option(names = "--region", required = true, description = "asia or us") String region) throws Exception {
        return admin().call("Tenants", "createTenant", slug, name, region);
    }

    @Command(description = "Every tenant, with its status and region.")
    int list() throws Exception {
        return admin().call("Tenants", "listTenants");
    }

    @Command(description = "A tenant's usage: members, reports per month, receipts, storage, last sign-in and activity.")
    int show(@Parameters(paramLabel = "SLUG") String slug) throws Exception {
        return admin().call("Tenants", "showTenant", slug);
    }

    @Command(description = "Stop the tenant's sign-ins and API calls; its data, backups and deletion clock stay.")
    int suspend(@Parameters(paramLabel = "SLUG") String slug) throws Exception {
        return admin().call("Tenants", "suspendTenant", slug);
    }

    @Command(description = "Let a suspended tenant in again.")
    int resume(@Parameters(paramLabel = "SLUG") String slug) throws Exception {
        return admin().call("Tenants", "resumeTenant", slug);
    }

    private SapphireAdmin admin() {
        return (SapphireAdmin) parent;
    }
}
