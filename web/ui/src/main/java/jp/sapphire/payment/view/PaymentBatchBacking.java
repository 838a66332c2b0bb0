package jp.sapphire.payment.view;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import jp.sapphire.journal.boundary.Journals;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.payment.boundary.Payments;
import jp.sapphire.payment.entity.BatchStatus.Move;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.FileDownload;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/payments/batch.xhtml?id=}: one payment batch as accounting checks it — each payee
 * with their account whole, their reports and the sum — and what its state allows: take a report
 * out, export the 全銀 file, download it, mark the batch paid, cancel it.
 */
@Named("paymentBatch")
@ViewScoped
@ReadAgainAfterMove
public class PaymentBatchBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    Payments payments;

    @EJB
    Journals journals;

    private UUID id;
    private long version;
    private Software journalFormat = Software.YAYOI;
    private transient Payments.Batch batch;

    /** f:viewAction: the batch named by {@code id}, if it is the tenant's. */
    public void load() {
        try {
            show(payments.batch(id));
        } catch (NotFoundException | IllegalArgumentException notFound) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            id = null;
            FacesProblems.general("sapphire.payment.not-found");
        }
    }

    public void export() {
        act(() -> payments.export(id, version), "payments.exported");
    }

    public void markPaid() {
        act(() -> payments.markPaid(id, version), "payments.paid");
    }

    public void cancel() {
        act(() -> payments.cancel(id, version), "payments.cancelled");
    }

    public void remove(UUID reportId) {
        act(() -> payments.remove(id, version, reportId), "payments.removed");
    }

    /** The 全銀 file, as the bank takes it: the same bytes at every download. */
    public void download() throws IOException {
        try {
            byte[] file = payments.file(id);
            FileDownload.send("zengin-" + batch.batch().getTransferDate() + ".txt", "text/plain", Csv.SHIFT_JIS,
                    out -> out.write(file));
        } catch (Refusal refused) {
            FacesProblems.show(refused);
        }
    }

    /** The batch's journal (仕訳) for the chosen accounting software. */
    public void downloadJournal() throws IOException {
        try {
            Journals.Export export = journals.batch(id, journalFormat, null);
            FileDownload.send(export.filename(), export.charset(), export.content());
        } catch (Refusal refused) {
            FacesProblems.show(refused);
        }
    }

    public Software[] getJournalFormats() {
        return Software.values();
    }

    public Software getJournalFormat() {
        return journalFormat;
    }

    public void setJournalFormat(Software journalFormat) {
        this.journalFormat = journalFormat;
    }

    private void act(Supplier<Payments.Batch> action, String confirmation) {
        try {
            show(action.get());
            FacesProblems.confirm(confirmation);
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of());
            load();
        } catch (Refusal refused) {
            FacesProblems.show(refused);
            load();
        }
    }

    private void show(Payments.Batch shown) {
        batch = shown;
        version = shown.batch().getVersion();
    }

    public boolean allows(String move) {
        return batch != null && batch.batch().getStatus().allows(Move.valueOf(move));
    }

    public Payments.Batch getBatch() {
        return batch;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        if (id != null) {
            batch = payments.batch(id);
        }
    }
}
