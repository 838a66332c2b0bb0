package jp.sapphire.operator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notice publish|applied|cancel|list}: change notices to every tenant (whitepaper §12). */
@Command(name = "notice", description = "Announce changes to every tenant.")
final class NoticeCommand extends SapphireAdmin.Group {

    @Command(description = "Publish a change notice.")
    int publish(@Option(names = "--kind", required = true, description = "BUG_FIX, FEATURE or OTHER") String kind,
                @Option(names = "--title", required = true) String title,
                @Option(names = "--description-file", required = true, description = "The technical description.")
                Path description,
                @Option(names = "--at", required = true, description = "ISO-8601 with an offset") String at) throws Exception {
        return call("publishChangeNotice", kind, title, SapphireAdmin.read(description), at);
    }

    @Command(description = "The change has been applied.")
    int applied(@Parameters(paramLabel = "ID") String id) throws Exception {
        return call("markApplied", id);
    }

    @Command(description = "The change will not be made.")
    int cancel(@Parameters(paramLabel = "ID") String id) throws Exception {
        return call("cancelChangeNotice", id);
    }

    @Command(description = "Every change notice.")
    int list() throws Exception {
        return call("listChangeNotices");
    }

    private int call(String operation, Object... arguments) throws Exception {
        return ((SapphireAdmin) parent).call("Notices", operation, arguments);
    }
}
