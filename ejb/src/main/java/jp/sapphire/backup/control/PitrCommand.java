package jp.sapphire.backup.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The database host's point-in-time recovery tool as the batch server runs it (docs/BACKUP.md):
 * {@code sapphire-pitr} of server-config, pgBackRest underneath, called with a command line from
 * configuration — the script's path where the database is local, {@code ssh db1 sapphire-pitr}
 * where it is not. Its output (pgBackRest's lines: labels, times, file names and checksums, never
 * a key) is kept for the operators, its last lines only.
 */
public final class PitrCommand {

    /** Lines of output kept: pgBackRest's summary is at the end. */
    static final int KEPT_LINES = 40;

    /** What a run answered: its exit status (-1: stopped after the time limit) and its last lines. */
    public record Result(int exit, List<String> output) {

        public boolean ok() {
            return exit == 0;
        }

        /** The last line, which the script makes its verdict ("verify: OK"), or the exit status. */
        public String summary() {
            return output.isEmpty() ? "exit " + exit : output.get(output.size() - 1) + (ok() ? "" : " (exit " + exit + ")");
        }
    }

    private final List<String> command;
    private final Duration limit;

    /** {@code commandLine}: words separated by spaces, to which each call adds its own. */
    public PitrCommand(String commandLine, Duration limit) {
        if (commandLine == null || commandLine.isBlank()) {
            throw new IllegalArgumentException("sapphire.pitr.command is not set: point-in-time recovery is not configured on this server");
        }
        this.command = List.of(commandLine.strip().split("\\s+"));
        this.limit = limit;
    }

    public Result run(String... arguments) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(command);
        words.addAll(List.of(arguments));
        Path output = Files.createTempFile("sapphire-pitr", ".log");
        try {
            Process process = new ProcessBuilder(words).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            int exit;
            if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                process.destroyForcibly();
                exit = -1;
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
            List<String> kept = new ArrayList<>(lines.subList(Math.max(0, lines.size() - KEPT_LINES), lines.size()));
            if (exit == -1) {
                kept.add("stopped after " + limit);
            }
            return new Result(exit, List.copyOf(kept));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
