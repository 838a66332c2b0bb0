package jp.sapphire.journal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * How the tenant books expenses (仕訳の設定): one journal line per expense line or one per report,
 * the credit account at approval (未払金) and at payment (普通預金), and whether 部門 and the
 * project go into the journal. One row per tenant; without it, the defaults.
 */
@Entity
@Table(name = "journal_settings")
public class JournalSettings extends TenantOwned {

    /** One journal line per expense line, or one per report (lines of the same account and tax summed). */
    public enum Granularity {
        LINE,
        REPORT
    }

    /** 部門 from the applicant's department: not at all, by its name, or by its code. */
    public enum DepartmentAs {
        NONE,
        NAME,
        CODE
    }

    /** The report's project: not booked, as the 補助科目, or as a segment (freee セグメント1, MF タグ). */
    public enum ProjectAs {
        NONE,
        SUB_ACCOUNT,
        SEGMENT
    }

    @Enumerated(EnumType.STRING)
    private Granularity granularity = Granularity.LINE;

    @Column(name = "payable_account")
    private String payableAccount = "未払金";

    @Column(name = "payable_code")
    private String payableCode = "";

    @Column(name = "bank_account")
    private String bankAccount = "普通預金";

    @Column(name = "bank_code")
    private String bankCode = "";

    @Column(name = "bank_sub_account")
    private String bankSubAccount = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "department_as")
    private DepartmentAs departmentAs = DepartmentAs.NAME;

    @Enumerated(EnumType.STRING)
    @Column(name = "project_as")
    private ProjectAs projectAs = ProjectAs.NONE;

    @Version
    private long version;

    public void describe(Granularity granularity, String payableAccount, String payableCode, String bankAccount,
                         String bankCode, String bankSubAccount, DepartmentAs departmentAs, ProjectAs projectAs) {
        this.granularity = granularity;
        this.payableAccount = payableAccount;
        this.payableCode = payableCode;
        this.bankAccount = bankAccount;
        this.bankCode = bankCode;
        this.bankSubAccount = bankSubAccount;
        this.departmentAs = departmentAs;
        this.projectAs = projectAs;
    }

    public Granularity getGranularity() {
        return granularity;
    }

    public String getPayableAccount() {
        return payableAccount;
    }

    public String getPayableCode() {
        return payableCode;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public String getBankCode() {
        return bankCode;
    }

    public String getBankSubAccount() {
        return bankSubAccount;
    }

    public DepartmentAs getDepartmentAs() {
        return departmentAs;
    }

    public ProjectAs getProjectAs() {
        return projectAs;
    }

    public long getVersion() {
        return version;
    }
}
