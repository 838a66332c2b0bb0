package jp.sapphire.monitoring.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.OperationsException;
import jp.sapphire.monitoring.control.Facts;
import jp.sapphire.monitoring.control.StatusScreen;
import jp.sapphire.monitoring.control.Thresholds;
import jp.sapphire.monitoring.entity.MonitorAlert;
import jp.sapphire.operations.boundary.Heartbeats;
import jp.sapphire.operations.control.OperatorConsole;
import jp.sapphire.operations.control.OperatorMBeans;
import jp.sapphire.schema.boundary.SchemaMigration;

/** Registers {@link StatusOperationsMBean} while the application runs. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatusOperations extends OperatorConsole<StatusOperationsMBean> implements StatusOperationsMBean {

    public static final String NAME = "jp.sapphire:type=Status";

    @EJB
    Alerts alerts;

    @EJB
    FactCollector facts;

    @EJB
    MetricsBoard board;

    @EJB
    Heartbeats heartbeats;

    @EJB
    SchemaMigration schema;

    public StatusOperations() {
        super(StatusOperationsMBean.class, NAME);
    }

    @Override
    public String[] status() throws OperationsException {
        return OperatorMBeans.answer(() -> {
            Facts now = facts.collect();
            board.show(now);
            List<StatusScreen.Server> servers = heartbeats.servers().stream()
                    .map(h -> new StatusScreen.Server(h.getServer(), h.getStartedAt(), h.getSeenAt(), h.isBatch())).toList();
            return StatusScreen.render(now, servers, schema.version(), open(), alerts.thresholds()).toArray(String[]::new);
        });
    }

    @Override
    public String[] alerts() throws OperationsException {
        return OperatorMBeans.answer(() -> open().stream().map(a -> a.key() + "  since " + a.raisedAt() + "  " + a.detail())
                .toArray(String[]::new));
    }

    @Override
    public String evaluateAlerts() throws OperationsException {
        return OperatorMBeans.answer(() -> {
            Alerts.Evaluation done = alerts.evaluate(OperatorMBeans.operator());
            return "raised " + done.raised() + ", mailed again " + done.repeated() + ", cleared " + done.cleared() + "; open "
                    + done.open().stream().map(MonitorAlert::getKey).toList();
        });
    }

    @Override
    public String[] thresholds() throws OperationsException {
        return OperatorMBeans.answer(() -> {
            Map<String, String> values = alerts.thresholds().values();
            Set<String> set = alerts.setByOperators();
            return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue() + (set.contains(e.getKey()) ? "  (set by an operator)" : "  (default)"))
                    .toArray(String[]::new);
        });
    }

    @Override
    public String setThreshold(String name, String value) throws OperationsException {
        return OperatorMBeans.answer(() -> name + "=" + alerts.setThreshold(OperatorMBeans.operator(), name, value));
    }

    @Override
    public String resetThreshold(String name) throws OperationsException {
        return OperatorMBeans.answer(() -> {
            alerts.resetThreshold(OperatorMBeans.operator(), name);
            return name + " is back to its default: " + alerts.thresholds().values().getOrDefault(name,
                    "the default plan, " + alerts.thresholds().values().get(Thresholds.TENANT_PLAN_BYTES));
        });
    }

    private List<StatusScreen.Alert> open() {
        return alerts.open().stream().map(a -> new StatusScreen.Alert(a.getKey(), a.getRaisedAt(), a.getDetail()))
                .collect(Collectors.toList());
    }
}
