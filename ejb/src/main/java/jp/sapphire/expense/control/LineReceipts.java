package jp.sapphire.expense.control;

import java.util.UUID;

/** Whether a line has a receipt: the receipt component knows ({@code receipt.control.Attached}). */
public interface LineReceipts {

    boolean hasReceipts(UUID lineId);
}
