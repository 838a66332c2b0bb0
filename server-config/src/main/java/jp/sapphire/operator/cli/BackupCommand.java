package jp.sapphire.operator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup ...}: the daily backup's generations, drills and restores (docs/BACKUP.md). */
@Command(name = "backup", description = "Back up, verify, drill and restore.")
final class BackupCommand extends SapphireAdmin.Group {

    @Command(description = "The kept generations.")
    int list() throws Exception {
        return call("listGenerations");
    }

    @Command(description = "Write the next generation now.")
    int now() throws Exception {
        return call("backupNow");
    }

    @Command(description = "Check every chunk of a generation and its chain.")
    int verify(@Parameters(paramLabel = "GENERATION") long generation) throws Exception {
        return call("verify", generation);
    }

    @Command(description = "Restore a generation into the scratch database.")
    int drill(@Parameters(paramLabel = "GENERATION") long generation) throws Exception {
        return call("restoreDrill", generation);
    }

    @Command(name = "restore-tenant", description = "Restore one tenant as of a generation (needs its notice).")
    int restoreTenant(@Parameters(paramLabel = "SLUG") String slug, @Parameters(paramLabel = "GENERATION") long generation)
            throws Exception {
        return call("restoreTenant", slug, generation);
    }

    @Command(description = "Publish the notice of a restore: of the whole system to every tenant, or with --tenant"
            + " of that tenant only to it.")
    int notice(@Parameters(paramLabel = "GENERATION") long generation,
               @Option(names = "--at", required = true, description = "ISO-8601 with an offset, e.g. 2026-12-05T22:00+09:00")
               String at,
               @Option(names = "--reason", required = true) String reason,
               @Option(names = "--tenant", paramLabel = "SLUG", description = "announce a restore of this tenant only")
               String tenant) throws Exception {
        return tenant == null ? call("publishRestoreNotice", generation, at, reason)
                : call("publishTenantRestoreNotice", tenant, generation, at, reason);
    }

    @Command(description = "Restore the whole live database to a generation, as its notice announced.")
    int restore(@Parameters(paramLabel = "GENERATION") long generation) throws Exception {
        return call("restoreLive", generation);
    }

    @Command(name = "emergency-restore", description = "Announce and at once restore the whole live database.")
    int emergencyRestore(@Parameters(paramLabel = "GENERATION") long generation,
                         @Option(names = "--reason", required = true) String reason) throws Exception {
        return call("restoreLiveEmergency", generation, reason);
    }

    private int call(String operation, Object... arguments) throws Exception {
        return ((SapphireAdmin) parent).call("Backups", operation, arguments);
    }
}
