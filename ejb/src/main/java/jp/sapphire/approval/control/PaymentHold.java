package jp.sapphire.approval.control;

import java.util.UUID;

/**
 * Whether a report is held by a payment batch that is still open — the payment component knows
 * ({@code payment.control.OpenBatches}). A held report is paid with its batch, never on its own:
 * paying it twice would send the money twice.
 */
public interface PaymentHold {

    boolean holds(UUID reportId);
}
