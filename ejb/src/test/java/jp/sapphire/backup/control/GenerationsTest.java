package jp.sapphire.backup.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.sapphire.backup.control.Manifest.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generations written to a real directory, sealed with real keys, read back, verified and pruned. */
class GenerationsTest {

    @TempDir
    Path directory;

    private FileBackupStore store;
    private BackupKeys keys;
    private Generations generations;

    @BeforeEach
    void store() {
        store = new FileBackupStore(directory);
        keys = new BackupKeys("k1", Map.of("k1", new byte[32]));
        generations = new Generations(store, keys);
    }

    @Test
    void aChainLeadsFromAnIncrementalGenerationDownToItsFullOne() throws Exception {
        write(1, Kind.FULL, null, List.of(row("a", "1")));
        write(2, Kind.INCREMENTAL, 1L, List.of(row("b", "2")));
        write(3, Kind.INCREMENTAL, 2L, List.of(row("c", "3")));

        assertThat(generations.numbers()).containsExactly(1L, 2L, 3L);
        assertThat(generations.chain(3)).extracting(Manifest::generation).containsExactly(1L, 2L, 3L);
        assertThat(generations.verify(3)).extracting(Manifest::generation).containsExactly(1L, 2L, 3L);
        Manifest third = generations.manifest(3);
        assertThat(generations.lines(third, third.tables().get(0).chunks().get(0))).containsExactly(row("c", "3"));
    }

    @Test
    void anAlteredChunkAndAnAlteredManifestAreNamed() throws Exception {
        write(1, Kind.FULL, null, List.of(row("a", "1")));
        write(2, Kind.INCREMENTAL, 1L, List.of(row("b", "2")));
        Path chunk = onlyChunkOf(1);
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length - 1] ^= 1;
        Files.write(chunk, bytes);

        assertThatThrownBy(() -> generations.verify(2)).isInstanceOfSatisfying(Generations.Damaged.class, damaged ->
                assertThat(damaged.problems()).singleElement().asString()
                        .startsWith("generation 1, chunk ").endsWith("SHA-256 does not match the manifest (altered)"));

        Path manifest = committed(2).resolve(Manifest.NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"asia\"", "\"us\""));
        assertThatThrownBy(() -> generations.manifest(2)).isInstanceOf(Generations.Damaged.class)
                .hasMessageStartingWith("generation 2: ");
    }

    @Test
    void aMissingBaseBreaksTheChainByName() throws Exception {
        write(1, Kind.FULL, null, List.of(row("a", "1")));
        write(2, Kind.INCREMENTAL, 1L, List.of(row("b", "2")));
        store.delete(1);
        assertThatThrownBy(() -> generations.chain(2)).isInstanceOf(Generations.Damaged.class)
                .hasMessage("generation 2: its base generation 1 is missing");
    }

    @Test
    void pruningKeepsTheNewestSevenAndTheOldestKeptBecomesFullWithEveryRowItHadInJsonLinesToo() throws Exception {
        write(1, Kind.FULL, null, List.of(row("a", "1"), row("b", "1")));
        for (long g = 2; g <= 9; g++) {
            write(g, Kind.INCREMENTAL, g - 1, List.of(row("b", String.valueOf(g))));
        }

        assertThat(generations.prune()).containsExactly(1L, 2L);

        assertThat(generations.numbers()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        Manifest oldest = generations.manifest(3);
        assertThat(oldest.kind()).isEqualTo(Kind.FULL);
        assertThat(oldest.base()).isNull();
        List<String> rows = new ArrayList<>();
        for (var chunk : oldest.tables().get(0).chunks()) {
            rows.addAll(generations.lines(oldest, chunk));
        }
        assertThat(rows).containsExactlyInAnyOrder(row("a", "1"), row("b", "3"));
        assertThat(generations.verify(9)).extracting(Manifest::generation).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void rowsInCopyTextAreConsolidatedByTheirKeyColumnsWithDeletedRowsLeftOut() throws Exception {
        List<String> columns = List.of("tenant_id", "id", "value");
        writeCopy(1, null, List.of("t\ta\t1", "t\tb\t1", "t\tc\\td\t1"), List.of());
        writeCopy(2, 1L, List.of("t\tb\t2"), List.of("{\"table\":\"item\",\"tenant\":\"t\",\"pk\":{\"id\":\"a\",\"tenant_id\":\"t\"}}"));
        writeCopy(3, 2L, List.of("t\tc\\td\t3\\n"), List.of());
        for (long g = 4; g <= 9; g++) {
            writeCopy(g, g - 1, List.of("t\te" + g + "\t\\N"), List.of());
        }

        assertThat(generations.prune()).containsExactly(1L, 2L);

        Manifest oldest = generations.manifest(3);
        assertThat(oldest.kind()).isEqualTo(Kind.FULL);
        assertThat(oldest.format()).isEqualTo(Manifest.COPY_TEXT);
        assertThat(oldest.tables().get(0).columns()).isEqualTo(columns);
        List<String> rows = new ArrayList<>();
        for (var chunk : oldest.tables().get(0).chunks()) {
            rows.addAll(generations.lines(oldest, chunk));
        }
        assertThat(rows).as("a deleted, b as changed in 2, c (whose id holds an escaped tab) as changed in 3")
                .containsExactlyInAnyOrder("t\tb\t2", "t\tc\\td\t3\\n");
        assertThat(oldest.tables().get(0).rows()).isEqualTo(2);
    }

    @Test
    void rowsStreamedInPiecesOfAnySizeAreCutIntoChunksAtLineEndsAndReadBackWhole() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 120_000; i++) {
            all.append("t\t").append(java.util.UUID.nameUUIDFromBytes(String.valueOf(i).getBytes())).append("\tvalue ").append(i)
                    .append(" ").append("x".repeat(i % 97)).append('\n');
        }
        byte[] bytes = all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Manifest written;
        try (GenerationWriter writer = new GenerationWriter(store, keys, 1)) {
            GenerationWriter.TableWriter table = writer.table("item", List.of("id"), "tenant_id", List.of("tenant_id", "id", "value"));
            var lines = table.lines();
            for (int at = 0; at < bytes.length; at += 1021) {
                lines.write(bytes, at, Math.min(1021, bytes.length - at));
            }
            var part = table.finish();
            written = new Manifest(1, Kind.FULL, null, Instant.EPOCH, "asia", keys.currentId(), "epoch", "35", 0, 1, List.of(part),
                    writer.table("backup_tombstone", List.of("backup_seq"), null, List.of()).finish(), Manifest.COPY_TEXT);
            writer.commit(written);
        }

        var part = generations.manifest(1).tables().get(0);
        assertThat(bytes.length).isGreaterThan(2 * GenerationWriter.CHUNK_BYTES);
        assertThat(part.chunks()).hasSizeGreaterThan(2);
        assertThat(part.rows()).isEqualTo(120_000);
        assertThat(part.chunks().stream().mapToLong(Manifest.Chunk::rows).sum()).isEqualTo(120_000);
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        for (var chunk : part.chunks()) {
            byte[] plain = generations.plain(written, chunk);
            assertThat(plain[plain.length - 1]).as("each chunk ends with a whole line").isEqualTo((byte) '\n');
            read.write(plain);
        }
        assertThat(read.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void copyTextFieldsAreUnescapedAndNullIsNotAnEmptyString() {
        assertThat(CopyText.fields("a\\tb\t\\N\t\t\\\\x\\n")).containsExactly("a\tb", null, "", "\\x\n");
    }

    private void writeCopy(long generation, Long base, List<String> rows, List<String> tombstoneLines) throws IOException {
        try (GenerationWriter writer = new GenerationWriter(store, keys, generation)) {
            GenerationWriter.TableWriter table = writer.table("item", List.of("tenant_id", "id"), "tenant_id",
                    List.of("tenant_id", "id", "value"));
            try (var lines = table.lines()) {
                for (String row : rows) {
                    lines.write((row + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            var part = table.finish();
            var tombstones = writer.table("backup_tombstone", List.of("backup_seq"), null, List.of());
            for (String line : tombstoneLines) {
                tombstones.add(line);
            }
            writer.commit(new Manifest(generation, base == null ? Kind.FULL : Kind.INCREMENTAL, base,
                    Instant.parse("2026-12-01T17:00:00Z").plusSeconds(generation), "asia", keys.currentId(), "epoch", "35",
                    base == null ? 0 : generation - 1, generation, List.of(part), tombstones.finish(), Manifest.COPY_TEXT));
        }
    }

    private void write(long generation, Kind kind, Long base, List<String> rows) throws IOException {
        try (GenerationWriter writer = new GenerationWriter(store, keys, generation)) {
            GenerationWriter.TableWriter table = writer.table("item", List.of("id"), "tenant_id", List.of());
            for (String row : rows) {
                table.add(row);
            }
            var part = table.finish();
            var tombstones = writer.table("backup_tombstone", List.of("backup_seq"), null, List.of()).finish();
            writer.commit(new Manifest(generation, kind, base, Instant.parse("2026-12-01T17:00:00Z").plusSeconds(generation),
                    "asia", keys.currentId(), "epoch", "24", base == null ? 0 : generation - 1, generation, List.of(part), tombstones,
                    Manifest.JSON_LINES));
        }
    }

    private static String row(String id, String value) {
        return "{\"id\":\"" + id + "\",\"value\":\"" + value + "\",\"tenant_id\":\"t\"}";
    }

    private Path onlyChunkOf(long generation) throws IOException {
        try (Stream<Path> files = Files.list(committed(generation))) {
            return files.filter(file -> file.getFileName().toString().startsWith("item")).findFirst().orElseThrow();
        }
    }

    private Path committed(long generation) {
        return directory.resolve(String.format("g%06d", generation));
    }
}
