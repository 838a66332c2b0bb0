package jp.sapphire.payment.entity;

import java.util.Arrays;
import java.util.Optional;

/** 預金種目: the kind of a bank account, with the code the 全銀 file writes for it. */
public enum AccountType {
    ORDINARY(1),
    CURRENT(2),
    SAVINGS(4),
    OTHER(9);

    private final int code;

    AccountType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<AccountType> ofCode(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }

    /** Whether an employee's account may be of this kind (普通, 当座, 貯蓄). */
    public boolean isPayee() {
        return this != OTHER;
    }

    /** Whether the payer's account may be of this kind (普通, 当座, その他). */
    public boolean isPayer() {
        return this != SAVINGS;
    }
}
