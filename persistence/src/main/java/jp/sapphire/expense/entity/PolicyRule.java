package jp.sapphire.expense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import jp.sapphire.platform.entity.Validity;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A rule of the tenant's expense policy (経費規程): lines of one category may hold at most
 * {@code limitYen} per line, per day, per night, per attendee or per trip day (日当), for domestic
 * lines, overseas lines or both, from a first day to a last (by the day the expense was incurred).
 * Going beyond is a warning (the applicant gives a reason) or a block (the report cannot be submitted).
 */
@Entity
@Table(name = "policy_rule")
@NamedQuery(name = PolicyRule.ALL, query = "SELECT r FROM PolicyRule r JOIN FETCH r.category"
        + " ORDER BY r.category.code, r.validFrom, r.name, r.id")
public class PolicyRule extends TenantOwned {

    public static final String ALL = "PolicyRule.all";

    /** What the limit is counted per. */
    public enum Basis {
        /** Each line on its own. */
        LINE,
        /** The lines of the category on one day of one report, together. */
        DAY,
        /** Per night of a lodging line. */
        NIGHT,
        /** Per attendee of an entertainment line. */
        ATTENDEE,
        /** Per day of the trip of a per-diem line (日当). */
        TRIP_DAY;

        /** Whether a category of this kind has lines this basis can count: nights of a stay, attendees, days of a trip. */
        public boolean fits(CategoryKind kind) {
            return switch (this) {
                case LINE, DAY -> true;
                case NIGHT -> kind == CategoryKind.LODGING;
                case ATTENDEE -> kind == CategoryKind.ENTERTAINMENT;
                case TRIP_DAY -> kind == CategoryKind.PER_DIEM;
            };
        }
    }

    /** Which lines the rule looks at. */
    public enum Region {
        ANY,
        DOMESTIC,
        OVERSEAS;

        public boolean covers(boolean overseas) {
            return this == ANY || (this == OVERSEAS) == overseas;
        }
    }

    /** What going beyond the limit means. */
    public enum Action {
        /** Accepted with a reason from the applicant, shown to the approvers. */
        WARN,
        /** The report cannot be submitted. */
        BLOCK
    }

    private String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private ExpenseCategory category;

    @Enumerated(EnumType.STRING)
    private Basis basis;

    @Enumerated(EnumType.STRING)
    private Region region;

    @Column(name = "limit_yen")
    private long limitYen;

    @Column(name = "min_days")
    private Integer minDays;

    @Column(name = "max_days")
    private Integer maxDays;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Version
    private long version;

    protected PolicyRule() {
    }

    public PolicyRule(String name, ExpenseCategory category) {
        this.name = name;
        this.category = category;
    }

    /** Everything a rule says, in one go. */
    public void describe(String name, ExpenseCategory category, Basis basis, Region region, long limitYen,
                         Integer minDays, Integer maxDays, Action action, LocalDate validFrom, LocalDate validTo) {
        this.name = name;
        this.category = category;
        this.basis = basis;
        this.region = region;
        this.limitYen = limitYen;
        this.minDays = minDays;
        this.maxDays = maxDays;
        this.action = action;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /** Whether the rule is in force on this day (both ends included). */
    public boolean inForceOn(LocalDate day) {
        return Validity.covers(validFrom, validTo, day);
    }

    /** Whether a trip of this many days is one the rule is for (rules without a range: every trip). */
    public boolean coversTrip(Integer days) {
        return days == null ? minDays == null && maxDays == null
                : (minDays == null || days >= minDays) && (maxDays == null || days <= maxDays);
    }

    public String getName() {
        return name;
    }

    public ExpenseCategory getCategory() {
        return category;
    }

    public Basis getBasis() {
        return basis;
    }

    public Region getRegion() {
        return region;
    }

    public long getLimitYen() {
        return limitYen;
    }

    public Integer getMinDays() {
        return minDays;
    }

    public Integer getMaxDays() {
        return maxDays;
    }

    public Action getAction() {
        return action;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public long getVersion() {
        return version;
    }
}
