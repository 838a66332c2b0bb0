package jp.sapphire.backup.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.sapphire.backup.control.Manifest.Chunk;
import jp.sapphire.backup.control.Manifest.Kind;
import jp.sapphire.backup.control.Manifest.TablePart;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final TablePart REPORTS = new TablePart("expense_report", List.of("id"), "tenant_id", List.of("id", "tenant_id", "title"), 3,
            List.of(new Chunk("expense_report-0", 2, "a".repeat(64), 120), new Chunk("expense_report-1", 1, "b".repeat(64), 80)));
    private static final TablePart NOTICES = new TablePart("change_notice", List.of("id"), null, List.of("id", "body"), 1,
            List.of(new Chunk("change_notice-0", 1, "c".repeat(64), 50)));
    private static final TablePart TOMBSTONES = new TablePart("backup_tombstone", List.of("backup_seq"), null, List.of(), 2,
            List.of(new Chunk("backup_tombstone-0", 2, "d".repeat(64), 30)));

    @Test
    void aFullGenerationReadsBackAsItWasWritten() {
        Manifest full = new Manifest(1, Kind.FULL, null, Instant.parse("2026-12-01T17:00:00.123456Z"), "asia", "k1", "epoch-1",
                "24", 0, 41, List.of(REPORTS, NOTICES), TOMBSTONES, Manifest.COPY_TEXT);

        Manifest read = Manifest.fromJson(full.toJson());

        assertThat(read).isEqualTo(full);
        assertThat(read.base()).isNull();
        assertThat(read.tables().get(1).tenantColumn()).isNull();
    }

    @Test
    void anIncrementalGenerationKeepsItsBaseAndRange() {
        Manifest incremental = new Manifest(2, Kind.INCREMENTAL, 1L, Instant.parse("2026-12-02T17:00:00Z"), "us", "k2", "epoch-1",
                "24", 41, 57, List.of(REPORTS), TOMBSTONES, Manifest.COPY_TEXT);
        assertThat(Manifest.fromJson(incremental.toJson())).isEqualTo(incremental);
    }

    @Test
    void rowsAndBytesAreTheSumsOfTheTablesAndTombstones() {
        Manifest manifest = new Manifest(1, Kind.FULL, null, Instant.EPOCH, "asia", "k1", "e", "24", 0, 1,
                List.of(REPORTS, NOTICES), TOMBSTONES, Manifest.COPY_TEXT);
        assertThat(manifest.rows()).as("rows of the tables, tombstones aside").isEqualTo(4);
        assertThat(manifest.bytes()).isEqualTo(120 + 80 + 50 + 30);
    }

    @Test
    void aManifestWrittenBeforeTheFormatWasNamedIsInJsonLines() {
        Manifest full = new Manifest(1, Kind.FULL, null, Instant.EPOCH, "asia", "k1", "e", "34", 0, 1, List.of(REPORTS), TOMBSTONES,
                Manifest.COPY_TEXT);
        String written = new String(full.toJson(), StandardCharsets.UTF_8);
        String older = written.replace(",\"format\":2", "").replaceAll(",?\"columns\":\\[[^\\]]*\\]", "");

        Manifest read = Manifest.fromJson(older.getBytes(StandardCharsets.UTF_8));

        assertThat(older).doesNotContain("format").doesNotContain("columns");
        assertThat(read.format()).isEqualTo(Manifest.JSON_LINES);
        assertThat(read.tables().get(0).columns()).isEmpty();
    }
}
