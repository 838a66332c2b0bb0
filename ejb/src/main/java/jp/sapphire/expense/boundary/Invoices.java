package jp.sapphire.expense.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.sapphire.expense.control.InvoiceRules.Treatment;
import jp.sapphire.expense.control.LineInvoices;
import jp.sapphire.expense.control.ReportActed;
import jp.sapphire.expense.control.ReportActed.Before;
import jp.sapphire.expense.control.ReportReaders;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.InvoiceOverride;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.platform.control.PlainText;

/**
 * Accounting's override of a line's invoice status (インボイス区分の変更) with a reason, recorded in
 * the report's action log; readers see each line's status with the report
 * ({@code receipt.boundary.ReportViews}). docs/JOURNALS.md.
 */
@Stateless
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class Invoices {

    public static final int MAX_REASON = 500;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    LineInvoices invoices;

    @Inject
    ReportReaders readers;

    @Inject
    Caller caller;

    @Inject
    Event<ReportActed> acted;

    @Inject
    Clock clock;

    /**
     * Sets a line's status in place of the derived one, for a report that has been submitted and is
     * not the caller's own; the reason is required and goes into the action log with the status.
     */
    @RolesAllowed("ACCOUNTING")
    public Treatment override(UUID reportId, UUID lineId, InvoiceStatus status, String reason) {
        caller.refuseWhileImpersonated("sapphire.invoice.impersonated");
        List<InputProblem> problems = new ArrayList<>();
        if (status == null) {
            problems.add(InputProblem.of("status", "sapphire.invoice.status.required"));
        } else if (!status.isChoosable()) {
            problems.add(InputProblem.of("status", "sapphire.invoice.status.not-choosable"));
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            problems.add(InputProblem.of("reason", "sapphire.invoice.reason.required"));
        } else if (text.length() > MAX_REASON) {
            problems.add(InputProblem.of("reason", "sapphire.invoice.reason.size", "max", MAX_REASON));
        } else if (!PlainText.isPlain(text)) {
            problems.add(InputProblem.of("reason", "sapphire.text.control"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ExpenseReport report = readable(reportId);
        ExpenseLine line = report.line(lineId).orElseThrow(() -> new NotFoundException("line"));
        if (report.getOwnerId().equals(caller.requireMember().memberId())) {
            throw new NotPermittedException("sapphire.invoice.own-report");
        }
        if (report.getSubmittedAt() == null || report.getStatus() == ReportStatus.DRAFT) {
            throw new ConflictException("sapphire.invoice.not-submitted");
        }
        InvoiceOverride override = invoices.override(lineId);
        if (override == null) {
            override = new InvoiceOverride(lineId);
            em.persist(override);
        }
        override.set(status, text, caller.requireMember().memberId(), clock.instant());
        acted.fire(ReportActed.onLine(report, ReportAction.INVOICE_OVERRIDDEN, Before.of(report), lineId,
                status.name() + ": " + text));
        return invoices.of(List.of(line)).get(lineId);
    }

    private ExpenseReport readable(UUID reportId) {
        ExpenseReport report = reportId == null ? null : em.find(ExpenseReport.class, reportId);
        if (report == null || !readers.mayRead(report)) {
            throw new NotFoundException("report");
        }
        return report.loadContent();
    }
}
