package jp.sapphire.demo.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.approval.control.Workflow;
import jp.sapphire.expense.control.ReportActed;
import jp.sapphire.expense.control.ReportActed.Before;
import jp.sapphire.expense.control.TaxCalculator;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.receipt.control.DataVault;
import jp.sapphire.receipt.control.Digests;
import jp.sapphire.receipt.control.ReceiptTypes;
import jp.sapphire.receipt.entity.Receipt;
import jp.sapphire.receipt.entity.ReceiptContent;
import jp.sapphire.tenant.control.TenantContext;

/**
 * The demo's reports as their members would have filed them in the app — created, lines added,
 * receipts uploaded, submitted, approved, paid — each step told to the action log.
 */
@Dependent
class DemoFiling {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    DataVault vault;

    @Inject
    TenantContext tenants;

    @Inject
    Workflow workflow;

    @Inject
    Event<ReportActed> acted;

    /** Submitted and approved at every step of its route: by each step's approver, or by {@code roleHolder} for a role's step. */
    void approvedThroughout(Member owner, ExpenseReport report, Member roleHolder, Instant now) {
        submit(owner, report, now);
        while (report.getStatus() == ReportStatus.SUBMITTED) {
            UUID approver = workflow.current(report).getApproverId();
            Before before = Before.of(report);
            report.approveStep(workflow.steps(report).size(), now);
            acted.fire(new ReportActed(report, ReportAction.APPROVED, before, null, null, null,
                    approver == null ? roleHolder.getId() : approver));
        }
    }

    void submit(Member owner, ExpenseReport report, Instant now) {
        Before before = Before.of(report);
        report.moveTo(ReportStatus.SUBMITTED, now);
        workflow.snapshot(report, report.getApprovalRound());
        acted.fire(new ReportActed(report, ReportAction.SUBMITTED, before, null, null, null, owner.getId()));
    }

    ExpenseReport report(Member owner, String title, String purpose, LocalDate from, LocalDate to, String project,
                                 Instant now) {
        ExpenseReport report = new ExpenseReport(owner.getId(), title, now);
        report.describe(title, purpose, from, to, now);
        report.label(Map.of("project", project));
        em.persist(report);
        acted.fire(new ReportActed(report, ReportAction.CREATED, Before.NOTHING, null, null, null, owner.getId()));
        return report;
    }

    ExpenseLine line(ExpenseReport report, LocalDate spentOn, ExpenseCategory category, long amountYen,
                             String payee, String invoiceNumber, String attendees, String from, String to, Instant now) {
        ExpenseLine line = report.addLine();
        TaxClass taxClass = category.getDefaultTaxClass();
        line.describe(spentOn, category, amountYen, null, taxClass,
                TaxCalculator.includedTax(amountYen, taxClass, TaxRounding.TRUNCATE), payee, invoiceNumber, null,
                attendees, from, to, from == null ? null : Boolean.FALSE);
        report.recalculate(now);
        return line;
    }

    /** A small generated receipt image, stored as a member's upload would be: encrypted and hashed. */
    void receipt(ExpenseLine line, Member owner, String filename, String text, Instant now) {
        byte[] png = DemoReceipts.png(text);
        Receipt receipt = new Receipt(line.getId(), 1, filename, ReceiptTypes.PNG, png.length, Digests.sha256(png), now,
                owner.getId());
        DataVault.Locked locked = vault.lock(tenants.currentTenant().orElseThrow(), DataVault.Kind.RECEIPT, receipt.getId(), png);
        receipt.lockedWith(locked.dataKeyId());
        em.persist(receipt);
        em.flush();
        em.persist(new ReceiptContent(receipt.getId(), locked.content()));
    }

    /** Marked paid by accounting ({@code payer}) on its own, without a batch. */
    void paid(ExpenseReport report, Member payer, Instant now) {
        Before before = Before.of(report);
        report.moveTo(ReportStatus.PAID, now);
        acted.fire(new ReportActed(report, ReportAction.PAID, before, null, null, null, payer.getId()));
    }
}
