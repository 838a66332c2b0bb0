package jp.sapphire.receipt.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.control.ReportActed.Before;
import jp.sapphire.expense.control.ReportActed;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.receipt.control.Digests;
import jp.sapphire.receipt.control.ReceiptTypes;
import jp.sapphire.receipt.control.DataVault;
import jp.sapphire.receipt.entity.Receipt;
import jp.sapphire.receipt.entity.ReceiptContent;
import jp.sapphire.tenant.control.TenantContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receipts (領収書) of expense lines. One current receipt per line: uploading another supersedes it
 * and keeps it as an earlier version; after a report has been submitted nothing is ever deleted
 * (the database refuses too). Those who may read the report may read its receipts; anyone else
 * gets "not found".
 */
@Stateless
public class Receipts {

    /** A receipt just stored, and what the applicant should look at again (the same receipt elsewhere). */
    public record Uploaded(Receipt receipt, List<InputProblem> warnings) {
    }

    /** A receipt's metadata and its decrypted content. */
    public record Download(Receipt receipt, byte[] content) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Caller signedIn;

    @Inject
    DataVault vault;

    @Inject
    Event<ReportActed> acted;

    @EJB
    ExpenseReports reports;

    @EJB
    ExpenseSettings settings;

    @Inject
    @ConfigProperty(name = "sapphire.receipt.max-bytes")
    long maxBytes;

    @Inject
    Clock clock;

    public Uploaded upload(UUID reportId, UUID lineId, String filename, byte[] content) {
        SapphirePrincipal caller = signedIn.requireMember();
        ExpenseLine line = ownEditableLine(reportId, lineId, caller);
        String contentType = check(content);
        String sha256 = Digests.sha256(content);
        List<InputProblem> warnings = duplicates(sha256, lineId);

        List<Receipt> versions = versions(lineId);
        versions.forEach(receipt -> receipt.supersede(clock.instant()));
        Receipt receipt = new Receipt(lineId, versions.size() + 1, safeName(filename, contentType), contentType,
                content.length, sha256, clock.instant(), caller.memberId());
        DataVault.Locked locked = vault.lock(caller.tenantId(), DataVault.Kind.RECEIPT, receipt.getId(), content);
        receipt.lockedWith(locked.dataKeyId());
        em.persist(receipt);
        // The content refers to its receipt by id only: insert the receipt first.
        em.flush();
        em.persist(new ReceiptContent(receipt.getId(), locked.content()));
        ExpenseReport report = line.getReport();
        acted.fire(ReportActed.onLine(report, ReportAction.RECEIPT_ADDED, Before.of(report), lineId, receipt.getFilename()));
        return new Uploaded(receipt, warnings);
    }

    /** Every version of the line's receipt, oldest first. */
    public List<Receipt> ofLine(UUID reportId, UUID lineId) {
        ExpenseReport report = reports.get(reportId);
        report.line(lineId).orElseThrow(() -> new NotFoundException("line"));
        return versions(lineId);
    }

    /** The current receipt of each line of a report the caller may read (lines without one are absent). */
    public Map<UUID, Receipt> currentOf(UUID reportId) {
        ExpenseReport report = reports.get(reportId);
        List<UUID> lines = report.getLines().stream().map(ExpenseLine::getId).toList();
        if (lines.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT r FROM Receipt r WHERE r.lineId IN :lines AND r.supersededAt IS NULL", Receipt.class)
                .setParameter("lines", lines).getResultStream()
                .collect(Collectors.toMap(Receipt::getLineId, receipt -> receipt));
    }

    public Download download(UUID receiptId) {
        Receipt receipt = em.find(Receipt.class, receiptId);
        if (receipt == null) {
            throw new NotFoundException("receipt");
        }
        ExpenseLine line = em.find(ExpenseLine.class, receipt.getLineId());
        reports.get(line.getReportId());
        ReceiptContent content = em.find(ReceiptContent.class, receiptId);
        byte[] plain = vault.unlock(tenants.currentTenant().orElseThrow(), DataVault.Kind.RECEIPT, receiptId, receipt.getDataKeyId(),
                content.getContent());
        return new Download(receipt, plain);
    }

    /** Removes a receipt of a report that has never been submitted. */
    public void remove(UUID reportId, UUID receiptId) {
        Receipt receipt = em.find(Receipt.class, receiptId);
        if (receipt == null) {
            throw new NotFoundException("receipt");
        }
        ExpenseReport report = ownEditableLine(reportId, receipt.getLineId(), signedIn.requireMember()).getReport();
        if (report.getSubmittedAt() != null) {
            throw new ConflictException("sapphire.receipt.kept-after-submission");
        }
        acted.fire(ReportActed.onLine(report, ReportAction.RECEIPT_REMOVED, Before.of(report), receipt.getLineId(),
                receipt.getFilename()));
        em.remove(em.find(ReceiptContent.class, receiptId));
        em.remove(receipt);
    }

    private ExpenseLine ownEditableLine(UUID reportId, UUID lineId, SapphirePrincipal caller) {
        ExpenseReport report = reports.get(reportId);
        if (!report.getOwnerId().equals(caller.memberId())) {
            throw new NotFoundException("report");
        }
        if (!report.getStatus().isEditable()) {
            throw new ConflictException("sapphire.report.not-editable", Map.of("status", report.getStatus().name()));
        }
        return report.line(lineId).orElseThrow(() -> new NotFoundException("line"));
    }

    private String check(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(InputProblem.of("file", "sapphire.receipt.empty"));
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException(InputProblem.of("file", "sapphire.receipt.too-large", "max",
                    maxBytes / (1024 * 1024)));
        }
        return ReceiptTypes.of(content)
                .orElseThrow(() -> new InvalidInputException(InputProblem.of("file", "sapphire.receipt.type")));
    }

    private List<InputProblem> duplicates(String sha256, UUID lineId) {
        boolean seen = !em.createNamedQuery(Receipt.BY_HASH, Receipt.class)
                .setParameter("sha256", sha256).setParameter("line", lineId).setMaxResults(1).getResultList().isEmpty();
        if (!seen) {
            return List.of();
        }
        InputProblem duplicate = InputProblem.of("file", "sapphire.receipt.duplicate");
        if (settings.policy().getDuplicatePolicy() == ExpensePolicy.DuplicatePolicy.BLOCK) {
            throw new InvalidInputException(duplicate);
        }
        return List.of(duplicate);
    }

    private List<Receipt> versions(UUID lineId) {
        return em.createNamedQuery(Receipt.OF_LINE, Receipt.class).setParameter("line", lineId).getResultList();
    }

    /** The uploaded name without any path or control characters, with an extension that matches the content. */
    static String safeName(String filename, String contentType) {
        String name = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "").strip();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (base.isBlank()) {
            base = "receipt";
        }
        return (base.length() > 200 ? base.substring(0, 200) : base) + ReceiptTypes.extension(contentType);
    }
}
