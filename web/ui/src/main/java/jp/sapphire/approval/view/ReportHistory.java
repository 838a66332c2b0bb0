package jp.sapphire.approval.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.actionlog.boundary.ActionLog;
import jp.sapphire.actionlog.control.LoggedAction;
import jp.sapphire.approval.boundary.Approvals;

/** A report's route and action log, for every page that shows a report; read once per request. */
@Named("history")
@RequestScoped
public class ReportHistory {

    @EJB
    Approvals approvals;

    @EJB
    ActionLog actionLog;

    private final Map<UUID, List<Approvals.RouteStep>> routes = new HashMap<>();
    private final Map<UUID, List<LoggedAction>> actions = new HashMap<>();

    public List<Approvals.RouteStep> route(UUID report) {
        return report == null ? List.of() : routes.computeIfAbsent(report, approvals::route);
    }

    public List<LoggedAction> actions(UUID report) {
        return report == null ? List.of() : actions.computeIfAbsent(report, actionLog::ofReport);
    }

    /**
     * The report was acted on in this request: its history is read again when shown. (An ajax
     * request visits the whole view before its action, which reads the history it then shows.)
     */
    public void changed(UUID report) {
        routes.remove(report);
        actions.remove(report);
    }
}
