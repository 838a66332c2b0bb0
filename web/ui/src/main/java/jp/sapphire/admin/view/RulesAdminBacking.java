package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.admin.boundary.FormConfiguration;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.PolicyRule;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/admin/rules.xhtml[?id=]}: the policy rules (経費規程) listed, defined, changed and
 * removed, and the simulator: which rules a sample line goes beyond, as saving and submitting it
 * would find.
 */
@Named("rulesAdmin")
@ViewScoped
@ReadAgainAfterMove
public class RulesAdminBacking extends DefinitionFormBacking implements Rereads {

    private static final long serialVersionUID = 1L;
    private static final String RULE = "rule:";
    private static final String SAMPLE = "simulator:";

    @EJB
    FormConfiguration configuration;

    @EJB
    Masters masters;

    @Inject
    CurrentMember current;

    private UUID category;
    private PolicyRule.Basis basis = PolicyRule.Basis.LINE;
    private PolicyRule.Region region = PolicyRule.Region.ANY;
    private Long limitYen;
    private Integer minDays;
    private Integer maxDays;
    private PolicyRule.Action action = PolicyRule.Action.WARN;
    private LocalDate validFrom;
    private LocalDate validTo;

    private UUID sampleCategory;
    private LocalDate sampleDay;
    private Long sampleYen;
    private Integer sampleNights;
    private Integer sampleTripDays;
    private Integer sampleAttendees;
    private boolean sampleOverseas;
    private transient FormConfiguration.Simulation simulation;

    private transient List<PolicyRule> rules;
    private transient List<ExpenseCategory> categories;

    /** The rules listed and the categories offered, read once for the view; new rules and samples start today. */
    @PostConstruct
    void lookups() {
        rules = configuration.rules();
        categories = masters.categories();
        if (validFrom == null) {
            validFrom = current.today();
            sampleDay = current.today();
        }
    }

    @Override
    public void load() {
        if (getId() == null) {
            return;
        }
        rules.stream().filter(rule -> rule.getId().equals(getId())).findFirst().ifPresentOrElse(rule -> {
            setName(rule.getName());
            category = rule.getCategory().getId();
            basis = rule.getBasis();
            region = rule.getRegion();
            limitYen = rule.getLimitYen();
            minDays = rule.getMinDays();
            maxDays = rule.getMaxDays();
            action = rule.getAction();
            validFrom = rule.getValidFrom();
            validTo = rule.getValidTo();
        }, () -> setId(null));
    }

    public void save() {
        try {
            PolicyRule saved = configuration.saveRule(getId(), new FormConfiguration.RuleInput(getName(), category, basis, region,
                    limitYen, minDays, maxDays, action, validFrom, validTo));
            FacesProblems.confirm("admin.rules.saved", saved.getName());
            rules = configuration.rules();
            clear();
            category = null;
            basis = PolicyRule.Basis.LINE;
            region = PolicyRule.Region.ANY;
            limitYen = null;
            minDays = null;
            maxDays = null;
            action = PolicyRule.Action.WARN;
            validFrom = current.today();
            validTo = null;
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("name", RULE + "name", "category", RULE + "category", "basis", RULE + "basis",
                    "limitYen", RULE + "limitYen", "minDays", RULE + "minDays", "maxDays", RULE + "maxDays",
                    "action", RULE + "action", "validFrom", RULE + "validFrom", "validTo", RULE + "validTo"));
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.form.not-found");
        }
    }

    public void remove(UUID id) {
        try {
            configuration.removeRule(id);
            FacesProblems.confirm("admin.rules.removed");
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.form.not-found");
        }
        rules = configuration.rules();
    }

    /** f:event preValidate of the simulator: the page shows this run's answer or none. */
    public void forget(ComponentSystemEvent event) {
        simulation = null;
    }

    public void simulate() {
        try {
            simulation = configuration.simulate(new FormConfiguration.SampleLine(sampleCategory, sampleDay, sampleYen,
                    sampleNights, sampleTripDays, sampleAttendees, sampleOverseas));
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("category", SAMPLE + "sampleCategory", "spentOn", SAMPLE + "sampleDay",
                    "amountYen", SAMPLE + "sampleYen", "nights", SAMPLE + "sampleNights", "tripDays", SAMPLE + "sampleTripDays",
                    "attendeeCount", SAMPLE + "sampleAttendees"));
        }
    }

    /** The simulator's missing measures in the member's language. */
    public List<String> getMissing() {
        return simulation == null ? List.of() : simulation.missing().stream().map(FacesProblems::text).toList();
    }

    public FormConfiguration.Simulation getSimulation() {
        return simulation;
    }

    public List<PolicyRule> getRules() {
        return rules;
    }

    public List<ExpenseCategory> getCategories() {
        return categories;
    }

    public PolicyRule.Basis[] getBases() {
        return PolicyRule.Basis.values();
    }

    public PolicyRule.Region[] getRegions() {
        return PolicyRule.Region.values();
    }

    public PolicyRule.Action[] getActions() {
        return PolicyRule.Action.values();
    }

    public UUID getCategory() {
        return category;
    }

    public void setCategory(UUID category) {
        this.category = category;
    }

    public PolicyRule.Basis getBasis() {
        return basis;
    }

    public void setBasis(PolicyRule.Basis basis) {
        this.basis = basis;
    }

    public PolicyRule.Region getRegion() {
        return region;
    }

    public void setRegion(PolicyRule.Region region) {
        this.region = region;
    }

    public Long getLimitYen() {
        return limitYen;
    }

    public void setLimitYen(Long limitYen) {
        this.limitYen = limitYen;
    }

    public Integer getMinDays() {
        return minDays;
    }

    public void setMinDays(Integer minDays) {
        this.minDays = minDays;
    }

    public Integer getMaxDays() {
        return maxDays;
    }

    public void setMaxDays(Integer maxDays) {
        this.maxDays = maxDays;
    }

    public PolicyRule.Action getAction() {
        return action;
    }

    public void setAction(PolicyRule.Action action) {
        this.action = action;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public UUID getSampleCategory() {
        return sampleCategory;
    }

    public void setSampleCategory(UUID sampleCategory) {
        this.sampleCategory = sampleCategory;
    }

    public LocalDate getSampleDay() {
        return sampleDay;
    }

    public void setSampleDay(LocalDate sampleDay) {
        this.sampleDay = sampleDay;
    }

    public Long getSampleYen() {
        return sampleYen;
    }

    public void setSampleYen(Long sampleYen) {
        this.sampleYen = sampleYen;
    }

    public Integer getSampleNights() {
        return sampleNights;
    }

    public void setSampleNights(Integer sampleNights) {
        this.sampleNights = sampleNights;
    }

    public Integer getSampleTripDays() {
        return sampleTripDays;
    }

    public void setSampleTripDays(Integer sampleTripDays) {
        this.sampleTripDays = sampleTripDays;
    }

    public Integer getSampleAttendees() {
        return sampleAttendees;
    }

    public void setSampleAttendees(Integer sampleAttendees) {
        this.sampleAttendees = sampleAttendees;
    }

    public boolean isSampleOverseas() {
        return sampleOverseas;
    }

    public void setSampleOverseas(boolean sampleOverseas) {
        this.sampleOverseas = sampleOverseas;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        lookups();
    }
}
