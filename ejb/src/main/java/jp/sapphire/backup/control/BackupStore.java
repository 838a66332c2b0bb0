package jp.sapphire.backup.control;

import java.io.IOException;
import java.util.List;

/**
 * Where generations are kept: named blobs grouped by generation. A generation being written is
 * invisible until {@link #commit} makes it whole at once, so a backup that dies half-way leaves
 * nothing that looks like a generation. A filesystem today ({@link FileBackupStore}); object
 * storage can follow behind the same methods.
 */
public interface BackupStore {

    /** The committed generations, oldest first. */
    List<Long> generations() throws IOException;

    /** Starts writing generation {@code generation}, discarding whatever an earlier attempt left. */
    void begin(long generation) throws IOException;

    /** Writes a blob of a generation being written. */
    void write(long generation, String name, byte[] content) throws IOException;

    /** Makes a generation being written visible, replacing a committed one of the same number. */
    void commit(long generation) throws IOException;

    /** A blob of a committed generation; a missing one is a {@link java.nio.file.NoSuchFileException}. */
    byte[] read(long generation, String name) throws IOException;

    /** The size in bytes of a committed generation. */
    long size(long generation) throws IOException;

    /** Removes a committed generation. */
    void delete(long generation) throws IOException;

    /** A human-readable name of where the store is, for operators. */
    String describe();
}
