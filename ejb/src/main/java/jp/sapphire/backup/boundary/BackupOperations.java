package jp.sapphire.backup.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.function.Supplier;
import javax.management.OperationsException;
import jp.sapphire.backup.control.Manifest;
import jp.sapphire.backup.control.PitrCommand;
import jp.sapphire.backup.control.RestoreNoticeRules;
import jp.sapphire.maintenance.boundary.Maintenance;
import jp.sapphire.operations.control.OperatorConsole;
import jp.sapphire.operations.control.OperatorMBeans;
import jp.sapphire.operations.control.Refused;

/** Registers {@link BackupOperationsMBean} while the application runs; every call goes to {@link Backups}. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BackupOperations extends OperatorConsole<BackupOperationsMBean> implements BackupOperationsMBean {

    public static final String NAME = "jp.sapphire:type=Backups";

    @EJB
    Backups backups;

    @EJB
    Restores restores;

    @EJB
    PointInTime pointInTime;

    public BackupOperations() {
        super(BackupOperationsMBean.class, NAME);
    }

    @Override
    public String[] listGenerations() throws OperationsException {
        return answer(() -> backups.list(OperatorMBeans.operator()).stream()
                .map(g -> String.join(" ", "generation=" + g.generation(), "kind=" + g.kind(), "base=" + g.base(),
                        "createdAt=" + g.createdAt(), "location=" + g.location(), "rows=" + g.rows(), "bytes=" + g.bytes(),
                        "status=" + g.status()))
                .toArray(String[]::new));
    }

    @Override
    public String backupNow() throws OperationsException {
        return answer(() -> timed(() -> line(backups.backupNow(OperatorMBeans.operator()))));
    }

    @Override
    public String verify(long generation) throws OperationsException {
        return answer(() -> "generation " + generation + " is intact, with its chain "
                + backups.verify(OperatorMBeans.operator(), generation).stream().map(Manifest::generation).toList());
    }

    @Override
    public String restoreDrill(long generation) throws OperationsException {
        return answer(() -> timed(() -> "restored into the drill database: " + line(backups.restoreDrill(OperatorMBeans.operator(), generation))));
    }

    @Override
    public String restoreTenant(String tenantSlug, long generation) throws OperationsException {
        return answer(() -> "tenant " + tenantSlug + " restored: "
                + line(restores.restoreTenant(OperatorMBeans.operator(), tenantSlug, generation)));
    }

    @Override
    public String publishRestoreNotice(long generation, String at, String reason) throws OperationsException {
        return answer(() -> line(restores.publishRestoreNotice(OperatorMBeans.operator(), generation,
                OperatorMBeans.instant(at), reason)));
    }

    @Override
    public String publishTenantRestoreNotice(String tenantSlug, long generation, String at, String reason)
            throws OperationsException {
        return answer(() -> "tenant " + tenantSlug + ": " + line(restores.publishTenantRestoreNotice(OperatorMBeans.operator(),
                tenantSlug, generation, OperatorMBeans.instant(at), reason)));
    }

    @Override
    public String restoreLive(long generation) throws OperationsException {
        return answer(() -> "the live database restored: " + line(restores.restoreLive(OperatorMBeans.operator(), generation)));
    }

    @Override
    public String restoreLiveEmergency(long generation, String reason) throws OperationsException {
        return answer(() -> "emergency: the live database restored: "
                + line(restores.restoreLiveEmergency(OperatorMBeans.operator(), generation, reason)));
    }

    @Override
    public String beginMaintenance(String reason) throws OperationsException {
        return answer(() -> "maintenance begun: " + restores.beginMaintenance(OperatorMBeans.operator(), reason));
    }

    @Override
    public String endMaintenance() throws OperationsException {
        return answer(() -> {
            restores.endMaintenance(OperatorMBeans.operator());
            return "maintenance ended";
        });
    }

    @Override
    public String pitrBackup(String type) throws OperationsException {
        return answer(() -> timed(() -> pointInTime.runRecorded(OperatorMBeans.operator(), type == null ? "" : type.strip())));
    }

    @Override
    public String pitrVerify() throws OperationsException {
        return answer(() -> {
            PitrCommand.Result result = pointInTime.verify(OperatorMBeans.operator());
            if (!result.ok()) {
                throw new Refused(String.join("\n", result.output()));
            }
            return String.join("\n", result.output());
        });
    }

    @Override
    public String[] pitrRecoveryPoints() throws OperationsException {
        return answer(() -> pointInTime.recoveryPoints(OperatorMBeans.operator()).toArray(String[]::new));
    }

    @Override
    public String pitrDrill(String at) throws OperationsException {
        return answer(() -> timed(() -> String.join("\n", pointInTime.drill(OperatorMBeans.operator(), OperatorMBeans.instant(at)))));
    }

    @Override
    public String publishPointInTimeRestoreNotice(String to, String at, String reason) throws OperationsException {
        return answer(() -> line(restores.publishPointInTimeRestoreNotice(OperatorMBeans.operator(), OperatorMBeans.instant(to),
                OperatorMBeans.instant(at), reason)));
    }

    @Override
    public String restoreLivePointInTime(String to) throws OperationsException {
        return answer(() -> timed(() -> "the live database restored to the moment "
                + restores.restoreLivePointInTime(OperatorMBeans.operator(), OperatorMBeans.instant(to))));
    }

    /** The answer with how long the operation took in the server, for operators and the benchmark. */
    private static String timed(Supplier<String> operation) {
        long start = System.nanoTime();
        String answer = operation.get();
        return answer + " millis=" + (System.nanoTime() - start) / 1_000_000;
    }

    private static <T> T answer(Supplier<T> operation) throws OperationsException {
        return OperatorMBeans.answer(operation);
    }

    private static String line(Maintenance.Notice notice) {
        return "notice " + notice.id() + ": " + (notice.generation() == RestoreNoticeRules.POINT_IN_TIME ? "the moment " + notice.dataAsOf()
                + " at " + notice.scheduledAt() : "generation " + notice.generation() + " at " + notice.scheduledAt()
                + " (data as of " + notice.dataAsOf() + ")");
    }

    private static String line(Manifest m) {
        return "generation=" + m.generation() + " kind=" + m.kind() + " base=" + m.base() + " createdAt=" + m.createdAt()
                + " location=" + m.location() + " rows=" + m.rows() + " bytes=" + m.bytes();
    }
}
