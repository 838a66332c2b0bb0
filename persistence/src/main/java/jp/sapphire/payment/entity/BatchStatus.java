package jp.sapphire.payment.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a payment batch stands, and the one table of moves: DRAFT (reports may be added and
 * removed) → EXPORTED (the file is made, the reports are locked in it) → PAID (every report is
 * paid); DRAFT and EXPORTED may be CANCELLED, which frees the reports. PAID and CANCELLED are final.
 */
public enum BatchStatus {
    DRAFT,
    EXPORTED,
    PAID,
    CANCELLED;

    /** What can be done to a batch. */
    public enum Move {
        CHANGE_REPORTS,
        EXPORT,
        DOWNLOAD,
        MARK_PAID,
        CANCEL
    }

    private static final Map<BatchStatus, Set<Move>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(Move.CHANGE_REPORTS, Move.EXPORT, Move.CANCEL),
            EXPORTED, EnumSet.of(Move.DOWNLOAD, Move.MARK_PAID, Move.CANCEL),
            PAID, EnumSet.of(Move.DOWNLOAD),
            CANCELLED, EnumSet.noneOf(Move.class));

    public boolean allows(Move move) {
        return ALLOWED.get(this).contains(move);
    }

    /** Whether the batch still holds its reports (no other batch may take them). */
    public boolean isOpen() {
        return this == DRAFT || this == EXPORTED;
    }
}
