package jp.sapphire.expense.entity;

/** 消費税区分: how a tax-inclusive amount is taxed. */
public enum TaxClass {
    /** 標準税率 10 %. */
    STANDARD_10(10),
    /** 軽減税率 8 % (food and drink, newspapers). */
    REDUCED_8(8),
    /** 免税. */
    EXEMPT(0),
    /** 不課税 / 非課税. */
    NON_TAXABLE(0);

    private final int percent;

    TaxClass(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }
}
