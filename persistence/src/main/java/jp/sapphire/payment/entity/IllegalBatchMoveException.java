package jp.sapphire.payment.entity;

import jp.sapphire.payment.entity.BatchStatus.Move;

/** A move the state of a payment batch does not allow. */
public class IllegalBatchMoveException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final BatchStatus status;

    public IllegalBatchMoveException(BatchStatus status, Move move) {
        super("A " + status + " payment batch does not allow " + move);
        this.status = status;
    }

    public BatchStatus status() {
        return status;
    }
}
