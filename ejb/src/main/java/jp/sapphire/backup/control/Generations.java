package jp.sapphire.backup.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.backup.control.Manifest.Chunk;
import jp.sapphire.backup.control.Manifest.Kind;
import jp.sapphire.backup.control.Manifest.TablePart;

/**
 * The generations in a store as the backup reads them: manifests checked against their MACs,
 * chunks against their SHA-256 and opened with their key, the chain from a generation down to
 * the full one it builds on, and the consolidation that keeps the newest {@link #KEEP}.
 */
public final class Generations {

    public static final int KEEP = 7;

    /** A generation that cannot be used, with every problem named by generation and chunk. */
    public static final class Damaged extends Exception {

        private final List<String> problems;

        public Damaged(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final BackupStore store;
    private final BackupKeys keys;

    public Generations(BackupStore store, BackupKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    public List<Long> numbers() throws IOException {
        return store.generations();
    }

    /** A generation's manifest, if its MAC holds. */
    public Manifest manifest(long generation) throws Damaged, IOException {
        try {
            byte[] json = store.read(generation, Manifest.NAME);
            keys.checkMac(json, new String(store.read(generation, Manifest.MAC), StandardCharsets.US_ASCII));
            return Manifest.fromJson(json);
        } catch (NoSuchFileException missing) {
            throw new Damaged(List.of("generation " + generation + ": " + missing.getFile().replaceAll(".*/", "")
                    + " is missing"));
        } catch (BackupKeys.Unreadable unreadable) {
            throw new Damaged(List.of("generation " + generation + ": " + unreadable.getMessage()));
        }
    }

    /** The generations to apply to restore {@code generation}: the full one below it first. */
    public List<Manifest> chain(long generation) throws Damaged, IOException {
        List<Manifest> chain = new ArrayList<>();
        Manifest manifest = manifest(generation);
        chain.add(0, manifest);
        while (manifest.kind() == Kind.INCREMENTAL) {
            if (!store.generations().contains(manifest.base())) {
                throw new Damaged(List.of("generation " + manifest.generation() + ": its base generation "
                        + manifest.base() + " is missing"));
            }
            manifest = manifest(manifest.base());
            chain.add(0, manifest);
        }
        return chain;
    }

    /** Checks every chunk of the generation and of the chain below it; answers the chain. */
    public List<Manifest> verify(long generation) throws Damaged, IOException {
        List<Manifest> chain = chain(generation);
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : chain) {
            List<TablePart> parts = new ArrayList<>(manifest.tables());
            parts.add(manifest.tombstones());
            for (TablePart part : parts) {
                for (Chunk chunk : part.chunks()) {
                    String problem = check(manifest, chunk);
                    if (problem != null) {
                        problems.add("generation " + manifest.generation() + ", chunk " + chunk.name() + ": " + problem);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Damaged(problems);
        }
        return chain;
    }

    private String check(Manifest manifest, Chunk chunk) throws IOException {
        byte[] sealed;
        try {
            sealed = store.read(manifest.generation(), chunk.name());
        } catch (NoSuchFileException missing) {
            return "missing";
        }
        if (!BackupKeys.sha256(sealed).equals(chunk.sha256())) {
            return "SHA-256 does not match the manifest (altered)";
        }
        try {
            keys.open(manifest.keyId(), manifest.generation(), chunk.name(), sealed);
            return null;
        } catch (BackupKeys.Unreadable unreadable) {
            return unreadable.getMessage();
        }
    }

    /** The lines of a chunk, checked and opened. */
    public List<String> lines(Manifest manifest, Chunk chunk) throws Damaged, IOException {
        String text = new String(plain(manifest, chunk), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** A chunk's bytes, checked and opened: its rows, each ended by a line end. */
    public byte[] plain(Manifest manifest, Chunk chunk) throws Damaged, IOException {
        byte[] sealed;
        try {
            sealed = store.read(manifest.generation(), chunk.name());
        } catch (NoSuchFileException missing) {
            throw new Damaged(List.of("generation " + manifest.generation() + ", chunk " + chunk.name() + ": missing"));
        }
        if (!BackupKeys.sha256(sealed).equals(chunk.sha256())) {
            throw new Damaged(List.of("generation " + manifest.generation() + ", chunk " + chunk.name()
                    + ": SHA-256 does not match the manifest (altered)"));
        }
        try {
            return keys.open(manifest.keyId(), manifest.generation(), chunk.name(), sealed);
        } catch (BackupKeys.Unreadable unreadable) {
            throw new Damaged(List.of("generation " + manifest.generation() + ", chunk " + chunk.name() + ": "
                    + unreadable.getMessage()));
        }
    }

    /**
     * Keeps the newest {@link #KEEP}: the oldest goes; if the one after it builds on it, the two
     * become one full generation under the newer number first, so every kept one stays restorable.
     */
    public List<Long> prune() throws Damaged, IOException {
        List<Long> removed = new ArrayList<>();
        List<Long> numbers = store.generations();
        while (numbers.size() > KEEP) {
            long oldest = numbers.get(0);
            long next = numbers.get(1);
            if (manifest(next).kind() == Kind.INCREMENTAL) {
                consolidate(manifest(oldest), manifest(next));
            }
            store.delete(oldest);
            removed.add(oldest);
            numbers = store.generations();
        }
        return removed;
    }

    /** Rewrites {@code incremental} as a full generation: {@code full}'s rows with its changes applied. */
    private void consolidate(Manifest full, Manifest incremental) throws Damaged, IOException {
        verify(incremental.generation());
        if (full.format() != incremental.format()) {
            throw new Damaged(List.of("generation " + incremental.generation() + " (format " + incremental.format()
                    + ") does not follow generation " + full.generation() + " (format " + full.format() + ")"));
        }
        Map<String, Set<String>> gone = new HashMap<>();
        for (Chunk chunk : incremental.tombstones().chunks()) {
            for (String line : lines(incremental, chunk)) {
                JsonObject tombstone = parse(line);
                JsonObject pk = tombstone.getJsonObject("pk");
                gone.computeIfAbsent(tombstone.getString("table"), t -> new HashSet<>()).add(key(pk::get, pk.keySet()));
            }
        }
        Map<String, TablePart> before = full.tables().stream()
                .collect(Collectors.toMap(TablePart::table, part -> part, (a, b) -> a, LinkedHashMap::new));
        try (GenerationWriter writer = new GenerationWriter(store, keys, incremental.generation())) {
            consolidate(full, incremental, gone, before, writer);
        }
    }

    private void consolidate(Manifest full, Manifest incremental, Map<String, Set<String>> gone, Map<String, TablePart> before,
                             GenerationWriter writer) throws Damaged, IOException {
        List<TablePart> parts = new ArrayList<>();
        for (TablePart changes : incremental.tables()) {
            List<String> changed = new ArrayList<>();
            for (Chunk chunk : changes.chunks()) {
                changed.addAll(lines(incremental, chunk));
            }
            Set<String> replaced = new HashSet<>(gone.getOrDefault(changes.table(), Set.of()));
            changed.forEach(line -> replaced.add(keyOf(incremental, changes, line)));
            GenerationWriter.TableWriter table = writer.table(changes.table(), changes.key(), changes.tenantColumn(),
                    changes.columns());
            TablePart old = before.get(changes.table());
            if (old != null) {
                for (Chunk chunk : old.chunks()) {
                    for (String line : lines(full, chunk)) {
                        if (!replaced.contains(keyOf(full, old, line))) {
                            table.add(line);
                        }
                    }
                }
            }
            for (String line : changed) {
                table.add(line);
            }
            parts.add(table.finish());
        }
        TablePart noTombstones = writer.table("backup_tombstone", List.of("backup_seq"), null, List.of()).finish();
        writer.commit(new Manifest(incremental.generation(), Kind.FULL, null, incremental.createdAt(),
                incremental.location(), keys.currentId(), incremental.epoch(), incremental.schemaVersion(), 0,
                incremental.toSeq(), parts, noTombstones, incremental.format()));
    }

    static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    /** A row's primary key as one string, whichever format the generation has. */
    static String keyOf(Manifest manifest, TablePart part, String line) {
        if (manifest.format() == Manifest.COPY_TEXT) {
            List<String> fields = CopyText.fields(line);
            return key(column -> fields.get(part.columns().indexOf(column)), part.key());
        }
        JsonObject row = parse(line);
        return key(row::get, part.key());
    }

    /** The values of the key columns, in the columns' name order, as text (a JSON string without its quotes). */
    private static String key(Function<String, Object> value, Collection<String> columns) {
        return columns.stream().sorted().map(column -> {
            Object v = value.apply(column);
            return v instanceof JsonString text ? text.getString() : String.valueOf(v);
        }).collect(Collectors.joining("\u0001"));
    }
}
