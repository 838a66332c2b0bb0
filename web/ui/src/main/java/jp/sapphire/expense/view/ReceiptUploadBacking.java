package jp.sapphire.expense.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.receipt.boundary.Receipts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.primefaces.event.FileUploadEvent;

/**
 * A receipt (領収書) dropped on (or chosen for) a line of the report {@link EditReportBacking} shows
 * on {@code /app/reports/edit.xhtml}. No client-side checks: the receipt rules (type by content,
 * size) answer here, in words.
 */
@Named("receiptUpload")
@RequestScoped
public class ReceiptUploadBacking {

    @EJB
    Receipts receipts;

    @Inject
    EditReportBacking editReport;

    @Inject
    @ConfigProperty(name = "sapphire.receipt.max-bytes")
    long maxBytes;

    /** The line's id is the upload component's attribute {@code lineId}. */
    public void upload(FileUploadEvent event) {
        UUID lineId = (UUID) event.getComponent().getAttributes().get("lineId");
        try (InputStream content = event.getFile().getInputStream()) {
            // At most one byte beyond the receipt rule is read into memory: enough for it to refuse.
            var uploaded = receipts.upload(editReport.getId(), lineId, event.getFile().getFileName(),
                    content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
            uploaded.warnings().forEach(FacesProblems::warn);
            editReport.receiptChanged();
            FacesProblems.confirm("reports.receipt.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of());
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
