package jp.sapphire.backup.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import jp.sapphire.backup.control.Manifest.Chunk;
import jp.sapphire.backup.control.Manifest.TablePart;

/**
 * Writes the chunks of one generation: a table's rows, a line each, cut into chunks of about
 * {@link #CHUNK_BYTES} before compression. A full chunk is compressed, sealed and written by one
 * of {@link #SEALERS} threads while the rows of the next are read, so the database and the
 * compression work at once; at most {@code SEALERS + 1} chunks are in memory whatever the size of
 * a table. The threads are the writer's own, plain computation and file writes without any
 * container service, and end with it ({@link #close}).
 */
public final class GenerationWriter implements AutoCloseable {

    static final int CHUNK_BYTES = 4 << 20;
    static final int SEALERS = 2;

    private final BackupStore store;
    private final BackupKeys keys;
    private final long generation;
    private final ExecutorService sealers = Executors.newFixedThreadPool(SEALERS, work -> {
        Thread thread = new Thread(work, "sapphire-backup-sealer");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inMemory = new Semaphore(SEALERS + 1);

    public GenerationWriter(BackupStore store, BackupKeys keys, long generation) throws IOException {
        this.store = store;
        this.keys = keys;
        this.generation = generation;
        store.begin(generation);
    }

    /** Starts a table's part; rows go to it until {@link TableWriter#finish}. */
    public TableWriter table(String table, List<String> key, String tenantColumn, List<String> columns) {
        return new TableWriter(table, key, tenantColumn, columns);
    }

    /** Seals the manifest with its MAC and makes the generation visible. */
    public void commit(Manifest manifest) throws IOException {
        byte[] json = manifest.toJson();
        store.write(generation, Manifest.NAME, json);
        store.write(generation, Manifest.MAC, keys.mac(json).getBytes(StandardCharsets.US_ASCII));
        store.commit(generation);
    }

    @Override
    public void close() {
        sealers.shutdownNow();
    }

    /** A table's rows: whole lines with {@link #add}, or a stream of lines (COPY's output) with {@link #lines}. */
    public final class TableWriter {

        private final String table;
        private final List<String> key;
        private final String tenantColumn;
        private final List<String> columns;
        private final List<Future<Chunk>> chunks = new ArrayList<>();
        private final Buffer buffer = new Buffer();

        private TableWriter(String table, List<String> key, String tenantColumn, List<String> columns) {
            this.table = table;
            this.key = key;
            this.tenantColumn = tenantColumn;
            this.columns = List.copyOf(columns);
        }

        /** One row, without its line end. */
        public void add(String line) throws IOException {
            buffer.write(line.getBytes(StandardCharsets.UTF_8));
            buffer.write('\n');
            if (buffer.size() >= CHUNK_BYTES) {
                seal(buffer.size());
            }
        }

        /** Whole lines, each ended by {@code \n}, written in pieces of any size. */
        public OutputStream lines() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    buffer.write(bytes, offset, length);
                    if (buffer.size() >= CHUNK_BYTES) {
                        int end = buffer.lastLineEnd();
                        if (end > 0) {
                            seal(end);
                        }
                    }
                }
            };
        }

        public TablePart finish() throws IOException {
            if (buffer.size() > 0) {
                if (buffer.lastLineEnd() != buffer.size()) {
                    throw new IOException(table + ": the rows end inside a line");
                }
                seal(buffer.size());
            }
            List<Chunk> written = new ArrayList<>();
            for (Future<Chunk> chunk : chunks) {
                written.add(sealed(chunk));
            }
            long rows = written.stream().mapToLong(Chunk::rows).sum();
            return new TablePart(table, key, tenantColumn, columns, rows, List.copyOf(written));
        }

        /** Hands the buffer's first {@code end} bytes (whole lines) to a sealer; the rest stays. */
        private void seal(int end) throws IOException {
            byte[] plain = buffer.take(end);
            String name = table + "-" + String.format("%05d", chunks.size() + 1) + ".chunk";
            try {
                inMemory.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a chunk to be sealed");
            }
            chunks.add(sealers.submit(() -> {
                try {
                    byte[] sealed = keys.seal(generation, name, plain);
                    store.write(generation, name, sealed);
                    return new Chunk(name, count(plain), BackupKeys.sha256(sealed), sealed.length);
                } finally {
                    inMemory.release();
                }
            }));
        }
    }

    /** The rows of a chunk: its line ends. */
    private static long count(byte[] plain) {
        long lines = 0;
        for (byte b : plain) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static Chunk sealed(Future<Chunk> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a chunk to be sealed");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A growing byte buffer whose start can be taken off. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer() {
            super(64 << 10);
        }

        int lastLineEnd() {
            for (int i = count - 1; i >= 0; i--) {
                if (buf[i] == '\n') {
                    return i + 1;
                }
            }
            return 0;
        }

        byte[] take(int end) {
            byte[] taken = Arrays.copyOf(buf, end);
            System.arraycopy(buf, end, buf, 0, count - end);
            count -= end;
            return taken;
        }
    }
}
