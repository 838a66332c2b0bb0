package jp.sapphire.expense.entity;

/** A category whose lines need no invoice under one of the 特例, as the tenant books it. */
public enum InvoiceSpecial {
    NONE,
    /** 公共交通機関特例: bus, rail and ship fares (not taxis, not flights), under the limit per transaction. */
    PUBLIC_TRANSPORT,
    /** 出張旅費等特例: travel expenses, lodging and per diem paid to employees under the company's rules. */
    BUSINESS_TRAVEL
}
