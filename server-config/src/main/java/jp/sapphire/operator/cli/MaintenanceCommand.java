package jp.sapphire.operator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code maintenance begin|end}: every server shows the maintenance page meanwhile. */
@Command(name = "maintenance", description = "Put every server into maintenance, or out of it.")
final class MaintenanceCommand extends SapphireAdmin.Group {

    @Command(description = "Begin maintenance; users see the reason.")
    int begin(@Option(names = "--reason", required = true) String reason) throws Exception {
        return ((SapphireAdmin) parent).call("Backups", "beginMaintenance", reason);
    }

    @Command(description = "End maintenance.")
    int end() throws Exception {
        return ((SapphireAdmin) parent).call("Backups", "endMaintenance");
    }
}
