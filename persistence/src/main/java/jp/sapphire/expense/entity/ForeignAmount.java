package jp.sapphire.expense.entity;

import java.math.BigDecimal;

/** An amount paid in another currency (外貨), and the rate it was converted to yen at. */
public record ForeignAmount(BigDecimal amount, String currency, BigDecimal rate) {
}
