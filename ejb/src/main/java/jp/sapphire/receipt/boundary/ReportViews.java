package jp.sapphire.receipt.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.control.InvoiceRules.Treatment;
import jp.sapphire.expense.control.LineInvoices;
import jp.sapphire.expense.control.PolicyCheck.Breach;
import jp.sapphire.expense.control.PolicyCheck;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.receipt.entity.Receipt;

/**
 * A report as its readers see it — its lines with their invoice treatment, current receipt and the
 * policy rules they go beyond —
 * read in one transaction, so that the report, its lines and its masters are read once for a page
 * or an API response instead of once for each part of it.
 */
@Stateless
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ReportViews {

    /**
     * The report, each line's invoice treatment, current receipt and the policy rules it goes
     * beyond (only lines that go beyond one), by line id.
     */
    public record View(ExpenseReport report, Map<UUID, Treatment> invoices, Map<UUID, Receipt> receipts,
                       Map<UUID, List<Breach>> breaches) {
    }

    @EJB
    ExpenseReports reports;

    @EJB
    Receipts receipts;

    @Inject
    LineInvoices invoices;

    @EJB
    ExpenseSettings settings;

    /** The report, if the caller may read it (else not found, as {@link ExpenseReports#get}). */
    public View view(UUID id) {
        ExpenseReport report = reports.get(id);
        return new View(report, invoices.of(report.getLines()), receipts.currentOf(id),
                PolicyCheck.ofLines(report.getLines(), settings.policyRules()));
    }
}
