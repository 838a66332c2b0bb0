package jp.sapphire.operator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pitr ...}: point-in-time recovery with pgBackRest on the database host (docs/BACKUP.md). */
@Command(name = "pitr", description = "Point-in-time recovery: base backups, recovery points, verification, drills.")
final class PointInTimeCommand extends SapphireAdmin.Group {

    @Command(description = "Take a base backup now and verify the repository.")
    int backup(@Option(names = "--type", description = "full, diff or incr (default: full on Sundays, diff otherwise)",
                       defaultValue = "") String type) throws Exception {
        return call("pitrBackup", type);
    }

    @Command(description = "The base backups and the window in which any moment can be restored (UTC).")
    int list() throws Exception {
        return call("pitrRecoveryPoints");
    }

    @Command(description = "Check every file of the repository against its checksum.")
    int verify() throws Exception {
        return call("pitrVerify");
    }

    @Command(description = "Restore a scratch cluster on the database host to a moment and start it.")
    int drill(@Option(names = "--to", required = true, description = "ISO-8601 with an offset, e.g. 2026-12-07T10:15:30+09:00")
              String at) throws Exception {
        return call("pitrDrill", at);
    }

    @Command(description = "Publish the notice of a restore of the whole system to a moment, to every tenant.")
    int notice(@Option(names = "--to", required = true, description = "the moment, ISO-8601 with an offset") String to,
               @Option(names = "--at", required = true, description = "when the restore will happen, ISO-8601 with an offset")
               String at,
               @Option(names = "--reason", required = true) String reason) throws Exception {
        return call("publishPointInTimeRestoreNotice", to, at, reason);
    }

    @Command(description = "Restore the live database to a moment, as its notice announced.")
    int restore(@Option(names = "--to", required = true, description = "the moment the notice named") String to) throws Exception {
        return call("restoreLivePointInTime", to);
    }

    private int call(String operation, Object... arguments) throws Exception {
        return ((SapphireAdmin) parent).call("Backups", operation, arguments);
    }
}
