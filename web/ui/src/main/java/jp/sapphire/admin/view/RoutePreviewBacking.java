package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.admin.boundary.FormConfiguration;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * The preview on {@code /app/admin/routes.xhtml}: the route and approvers a sample report
 * (applicant, total, categories, day of submission) would get if it were submitted now, as the
 * routes stand saved. The applicants offered are the route form's members
 * ({@link RoutesAdminBacking#getMembers()}).
 */
@Named("routePreview")
@ViewScoped
@ReadAgainAfterMove
public class RoutePreviewBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "preview:";

    @EJB
    FormConfiguration configuration;

    @EJB
    Masters masters;

    @Inject
    CurrentMember current;

    private UUID applicant;
    private Long total = 10_000L;
    private List<String> categoryCodes = new ArrayList<>();
    private LocalDate day;
    private transient List<ExpenseCategory> categories;
    private transient FormConfiguration.Preview preview;

    /** The categories offered, read once for the view; the sample is submitted today. */
    @PostConstruct
    void lookups() {
        day = current.today();
        categories = masters.categories();
    }

    /**
     * f:event preValidate of the preview form: the page shows the result of this run or none, also
     * when the sample does not convert and the run never comes.
     */
    public void forget(ComponentSystemEvent event) {
        preview = null;
    }

    public void preview() {
        try {
            preview = configuration.preview(
                    new FormConfiguration.Sample(applicant, total, Set.copyOf(categoryCodes), day));
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("applicant", FORM + "applicant", "totalYen", FORM + "total",
                    "day", FORM + "day"));
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    public List<ExpenseCategory> getCategories() {
        return categories;
    }

    public FormConfiguration.Preview getPreview() {
        return preview;
    }

    public UUID getApplicant() {
        return applicant;
    }

    public void setApplicant(UUID applicant) {
        this.applicant = applicant;
    }

    public Long getTotal() {
        return total;
    }

    public void setTotal(Long total) {
        this.total = total;
    }

    public List<String> getCategoryCodes() {
        return categoryCodes;
    }

    public void setCategoryCodes(List<String> categoryCodes) {
        this.categoryCodes = categoryCodes;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        categories = masters.categories();
    }
}
