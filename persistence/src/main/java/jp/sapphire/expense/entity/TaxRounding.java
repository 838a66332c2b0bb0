package jp.sapphire.expense.entity;

/** How a tenant rounds tax and converted amounts to whole yen (端数処理); truncation by default. */
public enum TaxRounding {
    TRUNCATE,
    HALF_UP,
    CEILING
}
