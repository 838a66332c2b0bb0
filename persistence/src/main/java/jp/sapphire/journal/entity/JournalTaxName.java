package jp.sapphire.journal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A tax class's name (税区分) in one accounting software, as the tenant's copy of it spells it:
 * for a fully deductible line (適格, 特例) and under the transitional measure, where
 * {@code {percent}} stands for the deductible share ({@code 課対仕入込10%区分{percent}%}).
 */
@Entity
@Table(name = "journal_tax_name")
public class JournalTaxName extends TenantOwned {

    @Enumerated(EnumType.STRING)
    private Software software;

    @Enumerated(EnumType.STRING)
    @Column(name = "tax_class")
    private TaxClass taxClass;

    @Column(name = "qualified_name")
    private String qualifiedName;

    @Column(name = "transitional_name")
    private String transitionalName;

    @Version
    private long version;

    protected JournalTaxName() {
    }

    public JournalTaxName(Software software, TaxClass taxClass) {
        this.software = software;
        this.taxClass = taxClass;
    }

    public void name(String qualifiedName, String transitionalName) {
        this.qualifiedName = qualifiedName;
        this.transitionalName = transitionalName;
    }

    public Software getSoftware() {
        return software;
    }

    public TaxClass getTaxClass() {
        return taxClass;
    }

    public String getQualifiedName() {
        return qualifiedName;
    }

    public String getTransitionalName() {
        return transitionalName;
    }
}
