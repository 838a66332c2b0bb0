package jp.sapphire.operator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code deletion list|execute|due}: deletions at contract end (whitepaper §4). */
@Command(name = "deletion", description = "Execute the deletions tenants requested at the end of their contract.")
final class DeletionCommand extends SapphireAdmin.Group {

    @Command(description = "Every request, pending or executed.")
    int list() throws Exception {
        return ((SapphireAdmin) parent).call("Tenants", "listDeletions");
    }

    @Command(description = "Delete the data of a tenant that requested it, now; prints the certificate.")
    int execute(@Parameters(paramLabel = "SLUG") String slug) throws Exception {
        return ((SapphireAdmin) parent).call("Tenants", "deleteTenant", slug);
    }

    @Command(description = "Run the daily job now: every request due within its margin.")
    int due() throws Exception {
        return ((SapphireAdmin) parent).call("Tenants", "deleteDue");
    }
}
