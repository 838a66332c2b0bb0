package jp.sapphire.notice.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.Instant;
import java.util.UUID;
import javax.management.OperationsException;
import jp.sapphire.notice.entity.ChangeNotice;
import jp.sapphire.operations.control.OperatorConsole;
import jp.sapphire.operations.control.OperatorMBeans;

/** Registers {@link NoticeOperationsMBean} while the application runs; every call goes to {@link ChangeNotices}. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NoticeOperations extends OperatorConsole<NoticeOperationsMBean> implements NoticeOperationsMBean {

    public static final String NAME = "jp.sapphire:type=Notices";

    @EJB
    ChangeNotices notices;

    public NoticeOperations() {
        super(NoticeOperationsMBean.class, NAME);
    }

    @Override
    public String publishChangeNotice(String kind, String title, String description, String at) throws OperationsException {
        return OperatorMBeans.answer(() -> {
            Instant when = OperatorMBeans.instant(at);
            return "change notice " + notices.publish(OperatorMBeans.operator(), kind, title, description, when).getId();
        });
    }

    @Override
    public String markApplied(String id) throws OperationsException {
        return OperatorMBeans.answer(() -> "change notice " + settle(id, ChangeNotice.Status.APPLIED) + " applied");
    }

    @Override
    public String cancelChangeNotice(String id) throws OperationsException {
        return OperatorMBeans.answer(() -> "change notice " + settle(id, ChangeNotice.Status.CANCELLED) + " cancelled");
    }

    @Override
    public String[] listChangeNotices() throws OperationsException {
        return OperatorMBeans.answer(() -> notices.all().stream()
                .map(n -> String.join(" ", n.getId().toString(), n.getKind().name(), n.getScheduledAt().toString(),
                        n.getStatus().name(), n.getTitle()))
                .toArray(String[]::new));
    }

    private UUID settle(String id, ChangeNotice.Status outcome) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Not a change notice id: " + id);
        }
        return notices.settle(OperatorMBeans.operator(), parsed, outcome).getId();
    }
}
