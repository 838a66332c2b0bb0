package jp.sapphire.expense.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
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

    /** Photos taken (or chosen) on a phone, by line: the camera inputs of the lines' table. */
    private final Map<UUID, Part> photos = new HashMap<>();

    /** The line's id is the upload component's attribute {@code lineId}. */
    public void upload(FileUploadEvent event) {
        UUID lineId = (UUID) event.getComponent().getAttributes().get("lineId");
        try (InputStream content = event.getFile().getInputStream()) {
            attach(lineId, event.getFile().getFileName(), content);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public Map<UUID, Part> getPhotos() {
        return photos;
    }

    /**
     * The photo the phone's camera took for the line ({@code capture}), sent with the lines' form:
     * the same receipt rules as any other upload.
     */
    public void attachPhoto(UUID lineId) {
        Part photo = photos.get(lineId);
        if (photo == null || photo.getSize() == 0) {
            FacesProblems.general("sapphire.receipt.empty");
            return;
        }
        try (InputStream content = photo.getInputStream()) {
            attach(lineId, photo.getSubmittedFileName(), content);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private void attach(UUID lineId, String filename, InputStream content) throws IOException {
        try {
            // At most one byte beyond the receipt rule is read into memory: enough for it to refuse.
            var uploaded = receipts.upload(editReport.getId(), lineId, filename,
                    content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
            uploaded.warnings().forEach(FacesProblems::warn);
            editReport.receiptChanged();
            FacesProblems.confirm("reports.receipt.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of());
        } catch (ConflictException conflict) {
            FacesProblems.show(conflict);
        }
    }
}
