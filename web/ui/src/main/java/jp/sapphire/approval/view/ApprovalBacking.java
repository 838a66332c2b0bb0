package jp.sapphire.approval.view;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.expense.boundary.Invoices;
import jp.sapphire.expense.control.InvoiceRules.Treatment;
import jp.sapphire.expense.control.PolicyCheck.Breach;
import jp.sapphire.expense.control.InvoiceRules;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;
import jp.sapphire.receipt.boundary.ReportViews;
import jp.sapphire.receipt.entity.Receipt;

/**
 * {@code /app/approvals/report.xhtml}: a report as its approvers, accounting and administrators
 * see it — lines with receipt previews, route, action log — with the decisions the member may
 * take now: approve, send back (to the applicant or an earlier step), reject, comment on a line,
 * and for accounting, mark an approved report paid. Each decision is checked against the version
 * the page showed, so a decision taken meanwhile by someone else is reported, not overwritten.
 */
@Named("approval")
@ViewScoped
@ReadAgainAfterMove
public class ApprovalBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    Approvals approvals;

    @EJB
    ReportViews views;

    @EJB
    Members members;

    @EJB
    Invoices invoices;

    @Inject
    ReportHistory history;

    private UUID id;
    private long version;
    private String comment;
    /** Where to send the report back: 0 for the applicant, else an earlier step. */
    private int returnTo;
    private UUID commentLine;
    private String lineComment;
    private UUID invoiceLine;
    private InvoiceStatus invoiceStatus;
    private String invoiceReason;

    private transient ExpenseReport report;
    private transient List<Approvals.RouteStep> earlierSteps;
    private transient Map<UUID, Receipt> currentReceipts;
    private transient Map<UUID, Treatment> treatments;
    private transient Map<UUID, List<Breach>> breaches;
    private String applicant;
    private boolean mayDecide;

    /**
     * f:viewAction: the report named by {@code id}, if the member may see it, with its applicant,
     * receipts and what the member may decide, all read once for the view.
     */
    public void load() {
        try {
            read();
            version = report.getVersion();
            applicant = members.find(report.getOwnerId()).map(Member::getDisplayName).orElse("");
            mayDecide = approvals.mayDecide(id);
        } catch (NotFoundException | IllegalArgumentException notFound) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            id = null;
            FacesProblems.general("sapphire.report.not-found");
        }
    }

    /** What the view shows, read again: the session came from another server without it (docs/SCALING.md). */
    @Override
    public void reread() {
        if (id != null) {
            read();
        }
    }

    /** The report as it stands, and the steps before the one that waits: where it can be sent back to. */
    private void read() {
        ReportViews.View view = views.view(id);
        report = view.report();
        treatments = view.invoices();
        breaches = view.breaches();
        currentReceipts = view.receipts();
        Integer current = report.getCurrentStep();
        earlierSteps = current == null ? List.of()
                : approvals.route(id).stream().filter(step -> step.stepNo() < current).toList();
    }

    public String approve() {
        return decide("approveForm", () -> approvals.approve(id, version, comment), "approvals.approved");
    }

    public String sendBack() {
        return decide("returnForm", () -> approvals.sendBack(id, version, comment, returnTo == 0 ? null : returnTo),
                "approvals.returned");
    }

    public String reject() {
        return decide("rejectForm", () -> approvals.reject(id, version, comment), "approvals.rejected");
    }

    public String markPaid() {
        return decide("payForm", () -> approvals.markPaid(id, version), "approvals.paid");
    }

    public void startLineComment(UUID line) {
        commentLine = line;
        lineComment = null;
    }

    public void saveLineComment() {
        try {
            approvals.commentOnLine(id, commentLine, lineComment);
            history.changed(id);
            FacesProblems.confirm("approvals.commented");
            lineComment = null;
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("comment", "lineCommentForm:lineComment"));
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    /** Opens the invoice status dialog for a line, with its status as it stands. */
    public void startInvoice(UUID line) {
        invoiceLine = line;
        Treatment current = invoiceOf(line);
        invoiceStatus = current == null || !current.status().isChoosable() ? null : current.status();
        invoiceReason = null;
    }

    /** インボイス区分の変更, by accounting, with the reason; the action log records it. */
    public void saveInvoice() {
        try {
            invoices.override(id, invoiceLine, invoiceStatus, invoiceReason);
            history.changed(id);
            read();
            FacesProblems.confirm("invoice.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("status", "invoiceForm:invoiceStatus", "reason", "invoiceForm:invoiceReason"));
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    /** The policy rules the line goes beyond (none for most lines). */
    public List<Breach> breachesOf(UUID lineId) {
        return breaches == null ? List.of() : breaches.getOrDefault(lineId, List.of());
    }

    public Treatment invoiceOf(UUID lineId) {
        return treatments == null ? null : treatments.get(lineId);
    }

    public long getDeductibleTaxYen() {
        return treatments == null ? 0 : InvoiceRules.deductibleTaxYen(treatments.values());
    }

    /** Accounting may set a line's invoice status on a report that was submitted and is not its own. */
    public boolean isMaySetInvoice() {
        return id != null && report.getSubmittedAt() != null && report.getStatus() != ReportStatus.DRAFT;
    }

    public List<InvoiceStatus> getInvoiceStatuses() {
        return Arrays.stream(InvoiceStatus.values()).filter(InvoiceStatus::isChoosable).toList();
    }

    public InvoiceStatus getInvoiceStatus() {
        return invoiceStatus;
    }

    public void setInvoiceStatus(InvoiceStatus invoiceStatus) {
        this.invoiceStatus = invoiceStatus;
    }

    public String getInvoiceReason() {
        return invoiceReason;
    }

    public void setInvoiceReason(String invoiceReason) {
        this.invoiceReason = invoiceReason;
    }

    /** Takes a decision from the dialog whose form is {@code form}; back to the inbox when it is taken. */
    private String decide(String form, Runnable decision, String done) {
        try {
            decision.run();
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            FacesProblems.confirm(done);
            return "/app/approvals/index?faces-redirect=true";
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("comment", form + ":comment", "toStep", form + ":returnTo"));
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
            read();
        }
        return null;
    }

    public ExpenseReport getReport() {
        return id == null ? null : report;
    }

    public List<ExpenseLine> getLines() {
        return id == null ? List.of() : report.getLines();
    }

    public String getApplicant() {
        return id == null ? "" : applicant;
    }

    public Receipt receiptOf(UUID lineId) {
        return currentReceipts == null ? null : currentReceipts.get(lineId);
    }

    public boolean isImage(Receipt receipt) {
        return receipt != null && receipt.getContentType().startsWith("image/") && !receipt.getContentType().equals("image/heic");
    }

    /** Whether the member may decide the step that waits now, as it stood when the page opened. */
    public boolean isMayDecide() {
        return id != null && mayDecide;
    }

    public boolean isMayPay() {
        return id != null && report.getStatus() == ReportStatus.APPROVED;
    }

    /** The steps before the one that waits: where the report can be sent back to. */
    public List<Approvals.RouteStep> getEarlierSteps() {
        return id == null ? List.of() : earlierSteps;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public int getReturnTo() {
        return returnTo;
    }

    public void setReturnTo(int returnTo) {
        this.returnTo = returnTo;
    }

    public String getLineComment() {
        return lineComment;
    }

    public void setLineComment(String lineComment) {
        this.lineComment = lineComment;
    }
}
