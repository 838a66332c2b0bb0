package jp.sapphire.expense.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.NotFoundException;

/**
 * The signed-in applicant's own reports, as every change of theirs finds them: someone else's
 * report is "not found", whether it exists or not.
 */
@ApplicationScoped
public class OwnReports {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    public ExpenseReport own(UUID id) {
        ExpenseReport report = em.find(ExpenseReport.class, id);
        if (report == null || !report.getOwnerId().equals(signedIn.requireMember().memberId())) {
            throw new NotFoundException("report");
        }
        return report;
    }

    /** The caller's report, unchanged since {@code version}, in a state that allows changes. */
    public ExpenseReport editable(UUID id, Long version) {
        ExpenseReport report = own(id);
        ReportChanges.checkVersion(report, version);
        if (!report.getStatus().isEditable()) {
            throw new ConflictException("sapphire.report.not-editable", Map.of("status", report.getStatus().name()));
        }
        return report;
    }
}
