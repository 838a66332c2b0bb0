package jp.sapphire.operator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code alert list|evaluate|thresholds|threshold|reset}: the operators' alerts and their limits (docs/MONITORING.md). */
@Command(name = "alert", description = "Alerts to the operators and their thresholds.")
final class AlertCommand extends SapphireAdmin.Group {

    @Command(description = "Every open alert.")
    int list() throws Exception {
        return call("alerts");
    }

    @Command(description = "Evaluate the alerts now, as the timer on the batch server does.")
    int evaluate() throws Exception {
        return call("evaluateAlerts");
    }

    @Command(description = "Every threshold, and whether an operator set it.")
    int thresholds() throws Exception {
        return call("thresholds");
    }

    @Command(description = "Set a threshold: an ISO-8601 duration (backup.max-age PT26H) or a whole number "
            + "(database.max-percent 80, tenant.plan-bytes.<tenant> 10737418240).")
    int threshold(@Parameters(paramLabel = "NAME") String name, @Parameters(paramLabel = "VALUE") String value) throws Exception {
        return call("setThreshold", name, value);
    }

    @Command(description = "Return a threshold to its configured default.")
    int reset(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return call("resetThreshold", name);
    }

    private int call(String operation, Object... arguments) throws Exception {
        return ((SapphireAdmin) parent).call("Status", operation, arguments);
    }
}
