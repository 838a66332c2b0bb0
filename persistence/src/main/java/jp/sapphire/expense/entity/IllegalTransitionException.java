package jp.sapphire.expense.entity;

/** A report was asked to move to a state its current state does not lead to. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReportStatus from;
    private final ReportStatus to;

    public IllegalTransitionException(ReportStatus from, ReportStatus to) {
        super(from + " → " + to + " is not allowed");
        this.from = from;
        this.to = to;
    }

    public ReportStatus from() {
        return from;
    }

    public ReportStatus to() {
        return to;
    }
}
