package jp.sapphire.receipt.view;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.FileDownload;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;
import jp.sapphire.receipt.boundary.Records;

/**
 * {@code /app/records/index.xhtml}: the 電帳法 search — submitted lines by day, amount and payee in
 * any combination, each with every version of its receipt to open — and the result as CSV.
 */
@Named("records")
@ViewScoped
@ReadAgainAfterMove
public class RecordsBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of("to", "search:to", "minYen", "search:minYen",
            "maxYen", "search:maxYen", "payee", "search:payee");

    @EJB
    Records records;

    @Inject
    CurrentMember member;

    private LocalDate from;
    private LocalDate to;
    private Long minYen;
    private Long maxYen;
    private String payee;
    private boolean searched;

    private transient List<Records.Found> found;
    private transient long count;

    public void search() {
        try {
            var page = records.search(filter(), 0, Records.MAX_PAGE);
            found = page.items();
            count = page.total();
            searched = true;
        } catch (InvalidInputException invalid) {
            // Results of an earlier search would look like the answer to this one.
            searched = false;
            found = null;
            FacesProblems.show(invalid, FIELDS);
        }
    }

    public void exportUtf8() throws IOException {
        export(StandardCharsets.UTF_8, "utf8");
    }

    public void exportShiftJis() throws IOException {
        export(Csv.SHIFT_JIS, "sjis");
    }

    private void export(Charset charset, String suffix) throws IOException {
        try {
            byte[] csv = records.export(filter(), charset, member.getLocale());
            FileDownload.send("records-" + suffix + ".csv", charset, csv);
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, FIELDS);
        }
    }

    private Records.Filter filter() {
        return new Records.Filter(from, to, minYen, maxYen, payee);
    }

    public List<Records.Found> getFound() {
        return found;
    }

    public long getCount() {
        return count;
    }

    public boolean isSearched() {
        return searched;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getMinYen() {
        return minYen;
    }

    public void setMinYen(Long minYen) {
        this.minYen = minYen;
    }

    public Long getMaxYen() {
        return maxYen;
    }

    public void setMaxYen(Long maxYen) {
        this.maxYen = maxYen;
    }

    public String getPayee() {
        return payee;
    }

    public void setPayee(String payee) {
        this.payee = payee;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        if (searched) {
            search();
        }
    }
}
