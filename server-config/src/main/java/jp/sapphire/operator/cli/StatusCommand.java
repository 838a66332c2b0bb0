package jp.sapphire.operator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code status}: one screen of the service's state (docs/MONITORING.md). */
@Command(name = "status", description = "Servers, schema, newest backup, alerts, outbox, daily jobs, storage per tenant.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    SapphireAdmin parent;

    @Override
    public Integer call() throws Exception {
        return parent.call("Status", "status");
    }
}
