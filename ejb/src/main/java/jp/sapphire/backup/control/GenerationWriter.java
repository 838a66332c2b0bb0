package jp.sapphire.backup.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.sapphire.backup.control.Manifest.Chunk;
import jp.sapphire.backup.control.Manifest.TablePart;

/**
 * Writes the chunks of one generation: lines of JSON per table, cut into chunks of about
 * {@link #CHUNK_BYTES} before compression, each sealed and written to the store as it fills, so
 * memory holds one chunk at a time whatever the size of a table.
 */
public final class GenerationWriter {

    static final int CHUNK_BYTES = 4 << 20;

    private final BackupStore store;
    private final BackupKeys keys;
    private final long generation;

    public GenerationWriter(BackupStore store, BackupKeys keys, long generation) throws IOException {
        this.store = store;
        this.keys = keys;
        this.generation = generation;
        store.begin(generation);
    }

    /** Starts a table's part; lines go to it until {@link TableWriter#finish}. */
    public TableWriter table(String table, List<String> key, String tenantColumn) {
        return new TableWriter(table, key, tenantColumn);
    }

    /** Seals the manifest with its MAC and makes the generation visible. */
    public void commit(Manifest manifest) throws IOException {
        byte[] json = manifest.toJson();
        store.write(generation, Manifest.NAME, json);
        store.write(generation, Manifest.MAC, keys.mac(json).getBytes(StandardCharsets.US_ASCII));
        store.commit(generation);
    }

    public final class TableWriter {

        private final String table;
        private final List<String> key;
        private final String tenantColumn;
        private final List<Chunk> chunks = new ArrayList<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private long rows;
        private long bufferedRows;

        private TableWriter(String table, List<String> key, String tenantColumn) {
            this.table = table;
            this.key = key;
            this.tenantColumn = tenantColumn;
        }

        public void add(String jsonLine) throws IOException {
            byte[] bytes = jsonLine.getBytes(StandardCharsets.UTF_8);
            buffer.write(bytes);
            buffer.write('\n');
            rows++;
            bufferedRows++;
            if (buffer.size() >= CHUNK_BYTES) {
                flush();
            }
        }

        public TablePart finish() throws IOException {
            if (bufferedRows > 0) {
                flush();
            }
            return new TablePart(table, key, tenantColumn, rows, List.copyOf(chunks));
        }

        private void flush() throws IOException {
            String name = table + "-" + String.format("%05d", chunks.size() + 1) + ".chunk";
            byte[] sealed = keys.seal(generation, name, buffer.toByteArray());
            store.write(generation, name, sealed);
            chunks.add(new Chunk(name, bufferedRows, BackupKeys.sha256(sealed), sealed.length));
            buffer.reset();
            bufferedRows = 0;
        }
    }
}
