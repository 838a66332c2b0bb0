package jp.sapphire.expense.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import jp.sapphire.expense.boundary.ExpenseReports;
import jp.sapphire.expense.boundary.ReportFilter;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.Page;

/** {@code /app/reports/index.xhtml}: my reports, by status and creation date, a page at a time. */
@Named("reports")
@ViewScoped
public class ReportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @EJB
    ExpenseReports expenseReports;

    @Inject
    CurrentMember member;

    private ReportStatus status;
    private LocalDate from;
    private LocalDate to;
    private int page;
    private Page<ExpenseReport> current;

    public void search() {
        page = 0;
        load();
    }

    public void next() {
        if (current != null && page + 1 < current.pages()) {
            page++;
        }
        load();
    }

    public void previous() {
        page = Math.max(0, page - 1);
        load();
    }

    /** The first page, unfiltered, when the view opens; each search and turn of the page reads again. */
    @PostConstruct
    void load() {
        var zone = member.getZone();
        current = expenseReports.mine(new ReportFilter(status,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant()), page, PAGE_SIZE);
    }

    public Page<ExpenseReport> getCurrent() {
        return current;
    }

    public List<ReportStatus> getStatuses() {
        return List.of(ReportStatus.values());
    }

    public ReportStatus getStatus() {
        return status;
    }

    public void setStatus(ReportStatus status) {
        this.status = status;
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

    public int getPage() {
        return page;
    }
}
