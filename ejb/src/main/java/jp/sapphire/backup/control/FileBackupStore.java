package jp.sapphire.backup.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generations as directories {@code g000001/} of one directory; one being written is
 * {@code g000001.partial/} until it is renamed into place. Blobs are written to a temporary file
 * and forced to disk before the rename.
 */
public final class FileBackupStore implements BackupStore {

    private static final Pattern COMMITTED = Pattern.compile("g(\\d{6,})");

    private final Path root;

    public FileBackupStore(Path root) {
        this.root = root;
    }

    @Override
    public List<Long> generations() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(path -> COMMITTED.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> Long.valueOf(m.group(1))).sorted().toList();
        }
    }

    @Override
    public void begin(long generation) throws IOException {
        Path partial = partial(generation);
        deleteTree(partial);
        Files.createDirectories(partial);
    }

    @Override
    public void write(long generation, String name, byte[] content) throws IOException {
        Path target = partial(generation).resolve(checked(name));
        Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    @Override
    public void commit(long generation) throws IOException {
        Path committed = committed(generation);
        Path replaced = root.resolve(committed.getFileName() + ".replaced");
        if (Files.exists(committed)) {
            deleteTree(replaced);
            move(committed, replaced);
        }
        move(partial(generation), committed);
        deleteTree(replaced);
    }

    @Override
    public byte[] read(long generation, String name) throws IOException {
        return Files.readAllBytes(committed(generation).resolve(checked(name)));
    }

    @Override
    public long size(long generation) throws IOException {
        try (Stream<Path> files = Files.list(committed(generation))) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    @Override
    public void delete(long generation) throws IOException {
        Path committed = committed(generation);
        Path doomed = root.resolve(committed.getFileName() + ".deleted");
        if (Files.exists(committed)) {
            move(committed, doomed);
        }
        deleteTree(doomed);
    }

    @Override
    public String describe() {
        return root.toAbsolutePath().toString();
    }

    private Path committed(long generation) {
        return root.resolve(String.format("g%06d", generation));
    }

    private Path partial(long generation) {
        return root.resolve(String.format("g%06d.partial", generation));
    }

    private static String checked(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a blob name: " + name);
        }
        return name;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
