package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.expense.boundary.ExpenseSettings;
import jp.sapphire.expense.entity.ExpensePolicy.DuplicatePolicy;
import jp.sapphire.expense.entity.ExpensePolicy;
import jp.sapphire.expense.entity.TaxRounding;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.view.FacesProblems;

/**
 * {@code /app/admin/policy.xhtml}: the tenant's expense policy — tax rounding, duplicate lines, receipts
 * required, and whether the 少額特例 applies to the tenant.
 */
@Named("policyAdmin")
@ViewScoped
public class PolicyAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Masters masters;

    @EJB
    ExpenseSettings settings;

    private TaxRounding rounding;
    private DuplicatePolicy duplicates;
    private boolean receiptRequired;
    private boolean smallAmountExemption;
    private Integer reminderDays;
    private Integer escalationDays;

    @PostConstruct
    void load() {
        show(settings.policy());
    }

    public void save() {
        try {
            show(masters.savePolicy(rounding, duplicates, receiptRequired, smallAmountExemption));
            FacesProblems.confirm("admin.policy.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("taxRounding", "policy:rounding", "duplicatePolicy", "policy:duplicates"));
        }
    }

    /** When approvals that wait are reminded and escalated (docs/APPROVAL.md, "Reminders"). */
    public void saveReminders() {
        try {
            show(masters.saveReminders(reminderDays, escalationDays));
            FacesProblems.confirm("admin.policy.saved");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("reminderDays", "reminders:reminderDays", "escalationDays", "reminders:escalationDays"));
        }
    }

    private void show(ExpensePolicy policy) {
        rounding = policy.getTaxRounding();
        duplicates = policy.getDuplicatePolicy();
        receiptRequired = policy.isReceiptRequired();
        smallAmountExemption = policy.isSmallAmountExemption();
        reminderDays = policy.getReminderDays();
        escalationDays = policy.getEscalationDays();
    }

    public Integer getReminderDays() {
        return reminderDays;
    }

    public void setReminderDays(Integer reminderDays) {
        this.reminderDays = reminderDays;
    }

    public Integer getEscalationDays() {
        return escalationDays;
    }

    public void setEscalationDays(Integer escalationDays) {
        this.escalationDays = escalationDays;
    }

    public boolean isSmallAmountExemption() {
        return smallAmountExemption;
    }

    public void setSmallAmountExemption(boolean smallAmountExemption) {
        this.smallAmountExemption = smallAmountExemption;
    }

    public List<TaxRounding> getRoundings() {
        return List.of(TaxRounding.values());
    }

    public List<DuplicatePolicy> getDuplicatePolicies() {
        return List.of(DuplicatePolicy.values());
    }

    public TaxRounding getRounding() {
        return rounding;
    }

    public void setRounding(TaxRounding rounding) {
        this.rounding = rounding;
    }

    public DuplicatePolicy getDuplicates() {
        return duplicates;
    }

    public void setDuplicates(DuplicatePolicy duplicates) {
        this.duplicates = duplicates;
    }

    public boolean isReceiptRequired() {
        return receiptRequired;
    }

    public void setReceiptRequired(boolean receiptRequired) {
        this.receiptRequired = receiptRequired;
    }
}
