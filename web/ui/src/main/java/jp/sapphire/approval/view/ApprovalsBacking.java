package jp.sapphire.approval.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.approval.boundary.Approvals.Pending;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/approvals/index.xhtml}, the approver's inbox: the reports waiting for the member's
 * decision (承認待ち), filtered by applicant, submission day and amount; several can be approved at
 * once. The list is read when the view opens and again on each search and bulk approval.
 */
@Named("inbox")
@ViewScoped
@ReadAgainAfterMove
public class ApprovalsBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    Approvals approvals;

    private String applicant;
    private LocalDate submittedFrom;
    private LocalDate submittedTo;
    private Long minTotalYen;
    private Map<UUID, Boolean> ticked = new HashMap<>();

    private transient List<Pending> pending;

    /** The inbox opens unfiltered. */
    @PostConstruct
    void open() {
        search();
    }

    public void search() {
        list();
        ticked = new HashMap<>();
    }

    private void list() {
        pending = approvals.pending(new Approvals.PendingFilter(applicant, submittedFrom, submittedTo, minTotalYen));
    }

    public List<Pending> getPending() {
        return pending;
    }

    /** 一括承認: every report ticked; those that could not be approved are named with the reason. */
    public void approveSelected() {
        List<UUID> selected = ticked.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (selected.isEmpty()) {
            FacesProblems.general("sapphire.approval.bulk.none");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        Map<UUID, Refusal> refused = approvals.approveAll(selected);
        int approved = selected.size() - refused.size();
        if (approved > 0) {
            FacesProblems.confirm("approvals.bulk.done", approved);
        }
        refused.forEach((id, refusal) -> FacesProblems.show(refusal, titleOf(id)));
        search();
    }

    private String titleOf(UUID id) {
        return pending.stream().filter(p -> p.report().getId().equals(id)).map(p -> p.report().getTitle())
                .findFirst().orElse(id.toString());
    }

    public String getApplicant() {
        return applicant;
    }

    public void setApplicant(String applicant) {
        this.applicant = applicant;
    }

    public LocalDate getSubmittedFrom() {
        return submittedFrom;
    }

    public void setSubmittedFrom(LocalDate submittedFrom) {
        this.submittedFrom = submittedFrom;
    }

    public LocalDate getSubmittedTo() {
        return submittedTo;
    }

    public void setSubmittedTo(LocalDate submittedTo) {
        this.submittedTo = submittedTo;
    }

    public Long getMinTotalYen() {
        return minTotalYen;
    }

    public void setMinTotalYen(Long minTotalYen) {
        this.minTotalYen = minTotalYen;
    }

    /** Which rows are ticked, by report id. */
    public Map<UUID, Boolean> getTicked() {
        return ticked;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        list();
    }
}
