package jp.sapphire.expense.entity;

/**
 * インボイス区分: how much of the consumption tax in a line the company may deduct under the
 * qualified invoice system (適格請求書等保存方式), and why.
 */
public enum InvoiceStatus {
    /** 適格: a qualified invoice, with a registration number (T + 13 digits). Fully deductible. */
    QUALIFIED(true),
    /** 経過措置: no registration number; a share of the tax by the purchase date (the transitional schedule). */
    TRANSITIONAL(false),
    /** 特例 (公共交通機関特例): a bus, rail or ship fare under ¥30,000 needs no invoice. Fully deductible. */
    PUBLIC_TRANSPORT(true),
    /** 特例 (出張旅費等特例): travel, lodging and per diem paid to employees need no invoice. Fully deductible. */
    BUSINESS_TRAVEL(true),
    /** 特例 (少額特例): a purchase under ¥10,000 of a qualifying business needs no invoice. Fully deductible. */
    SMALL_AMOUNT(true),
    /** 対象外: the line carries no consumption tax (exempt or non-taxable); nothing to deduct. */
    NOT_TAXABLE(false);

    private final boolean fullyDeductible;

    InvoiceStatus(boolean fullyDeductible) {
        this.fullyDeductible = fullyDeductible;
    }

    public boolean isFullyDeductible() {
        return fullyDeductible;
    }

    /** Whether accounting may set this status on a line (対象外 follows from the tax class alone). */
    public boolean isChoosable() {
        return this != NOT_TAXABLE;
    }

    /** One of the 特例: no invoice needed. */
    public boolean isSpecial() {
        return this == PUBLIC_TRANSPORT || this == BUSINESS_TRAVEL || this == SMALL_AMOUNT;
    }
}
