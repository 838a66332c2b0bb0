package jp.sapphire.operator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code incident open|update|resolve|list}: incident reports to the affected tenants (whitepaper §19). */
@Command(name = "incident", description = "Report incidents to the tenants they affect.")
final class IncidentCommand extends SapphireAdmin.Group {

    @Command(description = "Open an incident with its first notice.")
    int open(@Option(names = "--category", required = true, description = "OUTAGE, BREACH or VULNERABILITY") String category,
             @Option(names = "--title", required = true) String title,
             @Option(names = "--detected-at", required = true, description = "ISO-8601 with an offset") String detectedAt,
             @Option(names = "--tenants", required = true, description = "comma-separated tenant ids, or * for all") String tenants,
             @Option(names = "--data-scope", defaultValue = "") String dataScope,
             @Option(names = "--message", required = true) String message) throws Exception {
        return call("openIncident", category, title, detectedAt, tenants, dataScope.isEmpty() ? null : dataScope, message);
    }

    @Command(description = "Post progress on an incident.")
    int update(@Parameters(paramLabel = "ID") String id, @Option(names = "--message", required = true) String message)
            throws Exception {
        return call("postIncidentUpdate", id, message);
    }

    @Command(description = "Post the resolution of an incident.")
    int resolve(@Parameters(paramLabel = "ID") String id, @Option(names = "--message", required = true) String message)
            throws Exception {
        return call("resolveIncident", id, message);
    }

    @Command(description = "Every incident, late first notices marked.")
    int list() throws Exception {
        return call("listIncidents");
    }

    private int call(String operation, Object... arguments) throws Exception {
        return ((SapphireAdmin) parent).call("Incidents", operation, arguments);
    }
}
