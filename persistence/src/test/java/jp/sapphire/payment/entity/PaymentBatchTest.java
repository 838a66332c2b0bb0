package jp.sapphire.payment.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import jp.sapphire.payment.entity.BatchStatus.Move;
import org.junit.jupiter.api.Test;

/** Every state of a payment batch against every move, exhaustively: what is allowed, where it leads, what is refused. */
class PaymentBatchTest {

    private static final UUID BY = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static final Map<BatchStatus, Set<Move>> ALLOWED = Map.of(
            BatchStatus.DRAFT, EnumSet.of(Move.CHANGE_REPORTS, Move.EXPORT, Move.CANCEL),
            BatchStatus.EXPORTED, EnumSet.of(Move.DOWNLOAD, Move.MARK_PAID, Move.CANCEL),
            BatchStatus.PAID, EnumSet.of(Move.DOWNLOAD),
            BatchStatus.CANCELLED, EnumSet.noneOf(Move.class));

    /** The state each changing move leads to. */
    private static final Map<Move, BatchStatus> LEADS_TO = Map.of(
            Move.CHANGE_REPORTS, BatchStatus.DRAFT, Move.EXPORT, BatchStatus.EXPORTED, Move.DOWNLOAD, BatchStatus.EXPORTED,
            Move.MARK_PAID, BatchStatus.PAID, Move.CANCEL, BatchStatus.CANCELLED);

    @Test
    void everyStateAllowsExactlyItsMovesAndRefusesTheRest() {
        for (BatchStatus status : BatchStatus.values()) {
            for (Move move : Move.values()) {
                PaymentBatch batch = in(status);
                if (ALLOWED.get(status).contains(move)) {
                    perform(move).accept(batch);
                    BatchStatus expected = move == Move.DOWNLOAD || move == Move.CHANGE_REPORTS ? status : LEADS_TO.get(move);
                    assertThat(batch.getStatus()).as("%s then %s", status, move).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> perform(move).accept(batch)).as("%s then %s", status, move)
                            .isInstanceOf(IllegalBatchMoveException.class)
                            .satisfies(e -> assertThat(((IllegalBatchMoveException) e).status()).isEqualTo(status));
                    assertThat(batch.getStatus()).isEqualTo(status);
                }
            }
        }
    }

    @Test
    void anExportedBatchKeepsItsFileAndWhoExportedItAndOnlyOpenBatchesHoldTheirReports() {
        PaymentBatch batch = in(BatchStatus.EXPORTED);
        assertThat(batch.getFileSha256()).isEqualTo("ab".repeat(32));
        assertThat(batch.getFileContent()).containsExactly(1, 2, 3);
        assertThat(batch.getExportedBy()).isEqualTo(BY);
        assertThat(BatchStatus.DRAFT.isOpen()).isTrue();
        assertThat(BatchStatus.EXPORTED.isOpen()).isTrue();
        assertThat(BatchStatus.PAID.isOpen()).isFalse();
        assertThat(BatchStatus.CANCELLED.isOpen()).isFalse();
    }

    private static PaymentBatch in(BatchStatus status) {
        PaymentBatch batch = new PaymentBatch(LocalDate.of(2026, 12, 25), BY, NOW);
        if (status != BatchStatus.DRAFT) {
            if (status == BatchStatus.CANCELLED) {
                batch.cancelled(BY, NOW);
                return batch;
            }
            batch.exported(UUID.randomUUID(), new byte[] {1, 2, 3}, "ab".repeat(32), BY, NOW);
            if (status == BatchStatus.PAID) {
                batch.paid(BY, NOW);
            }
        }
        return batch;
    }

    private static Consumer<PaymentBatch> perform(Move move) {
        return switch (move) {
            case CHANGE_REPORTS -> batch -> batch.require(Move.CHANGE_REPORTS);
            case EXPORT -> batch -> batch.exported(UUID.randomUUID(), new byte[] {4}, "cd".repeat(32), BY, NOW);
            case DOWNLOAD -> batch -> batch.require(Move.DOWNLOAD);
            case MARK_PAID -> batch -> batch.paid(BY, NOW);
            case CANCEL -> batch -> batch.cancelled(BY, NOW);
        };
    }
}
