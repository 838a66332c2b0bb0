package jp.sapphire.payment.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.organization.boundary.Departments;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.payment.boundary.Payments.BatchSummary;
import jp.sapphire.payment.boundary.Payments.Unpaid;
import jp.sapphire.payment.boundary.Payments;
import jp.sapphire.platform.control.BankDays;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/payments/index.xhtml}, accounting's desk: the approved reports waiting for payment
 * (filtered by approval day, department and amount), a batch made of those ticked with its
 * transfer date — the next bank day but one unless another is chosen — and the batches so far.
 */
@Named("payments")
@ViewScoped
@ReadAgainAfterMove
public class PaymentsBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    Payments payments;

    @EJB
    Departments departments;

    @Inject
    CurrentMember member;

    private LocalDate approvedFrom;
    private LocalDate approvedTo;
    private UUID departmentId;
    private Long minTotalYen;
    private Long maxTotalYen;
    private LocalDate transferDate;
    private Map<UUID, Boolean> ticked = new HashMap<>();

    private transient List<Unpaid> pending;
    private transient long count;
    private transient List<BatchSummary> batches;
    private transient List<Department> departmentList;

    @PostConstruct
    void open() {
        transferDate = BankDays.onOrAfter(member.today().plusDays(2));
        departmentList = departments.all();
        search();
    }

    public void search() {
        list();
        ticked = new HashMap<>();
    }

    private void list() {
        var found = payments.pending(new Payments.PendingFilter(approvedFrom, approvedTo, departmentId, minTotalYen, maxTotalYen),
                0, Payments.MAX_REPORTS);
        pending = found.items();
        count = found.total();
        batches = payments.batches();
    }

    /** A draft batch of the ticked reports; opens it. */
    public String createBatch() {
        List<UUID> selected = ticked.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        try {
            Payments.Batch batch = payments.create(transferDate, selected);
            return "/app/payments/batch?faces-redirect=true&id=" + batch.batch().getId();
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("transferDate", "create:transferDate"));
        } catch (Refusal refused) {
            FacesProblems.show(refused);
        }
        return null;
    }

    public List<Unpaid> getPending() {
        return pending;
    }

    public long getCount() {
        return count;
    }

    public List<BatchSummary> getBatches() {
        return batches;
    }

    public List<Department> getDepartments() {
        return departmentList;
    }

    public Map<UUID, Boolean> getTicked() {
        return ticked;
    }

    public LocalDate getApprovedFrom() {
        return approvedFrom;
    }

    public void setApprovedFrom(LocalDate approvedFrom) {
        this.approvedFrom = approvedFrom;
    }

    public LocalDate getApprovedTo() {
        return approvedTo;
    }

    public void setApprovedTo(LocalDate approvedTo) {
        this.approvedTo = approvedTo;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public Long getMinTotalYen() {
        return minTotalYen;
    }

    public void setMinTotalYen(Long minTotalYen) {
        this.minTotalYen = minTotalYen;
    }

    public Long getMaxTotalYen() {
        return maxTotalYen;
    }

    public void setMaxTotalYen(Long maxTotalYen) {
        this.maxTotalYen = maxTotalYen;
    }

    public LocalDate getTransferDate() {
        return transferDate;
    }

    public void setTransferDate(LocalDate transferDate) {
        this.transferDate = transferDate;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        departmentList = departments.all();
        list();
    }
}
