package jp.sapphire.platform.control;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One CSV file being imported into a master, all or nothing: the file is read and its header
 * checked at once; then each row is checked and every problem recorded against its row number
 * ({@code "row N"}, as a spreadsheet numbers it); {@link #finish()} refuses the whole file if any
 * row was wrong. Cells are stripped, and a cell exported with a formula guard gets it back off.
 */
public final class CsvImport {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 1 << 20;

    /** A row with the right number of cells, and its number in the file (the header is 1). */
    public record Row(int number, List<String> cells) {

        public String get(int column) {
            return cells.get(column);
        }

        /** The cell, or null when it is empty. */
        public String optional(int column) {
            return cells.get(column).isEmpty() ? null : cells.get(column);
        }

        String field() {
            return "row " + number;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<InputProblem> problems = new ArrayList<>();

    private CsvImport() {
    }

    /**
     * Reads a file whose first line names the columns, either by {@code keys} or by one of the
     * {@code headers} the export writes (one per language, Japanese first).
     */
    public static CsvImport read(byte[] content, Charset charset, List<String> keys, List<List<String>> headers) {
        if (content == null || content.length == 0) {
            throw refused(InputProblem.of("file", "sapphire.csv.empty"));
        }
        if (content.length > MAX_BYTES) {
            throw refused(InputProblem.of("file", "sapphire.csv.too-large"));
        }
        List<List<String>> lines;
        try {
            lines = Csv.parse(Csv.decode(content, charset));
        } catch (CharacterCodingException e) {
            throw refused(InputProblem.of("file", "sapphire.csv.encoding", "charset",
                    charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS"));
        }
        List<String> first = lines.isEmpty() ? List.of() : lines.get(0).stream().map(String::strip).toList();
        if (!headers.contains(first) && !first.equals(keys)) {
            throw refused(InputProblem.of("file", "sapphire.csv.header", "header", String.join(",", headers.get(0))));
        }
        CsvImport file = new CsvImport();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i).stream().map(String::strip).map(Csv::unneutralised).toList();
            if (cells.size() != keys.size()) {
                file.problems.add(InputProblem.of("row " + (i + 1), "sapphire.csv.columns", "count", keys.size()));
            } else if (!cells.stream().allMatch(PlainText::isPlain)) {
                file.problems.add(InputProblem.of("row " + (i + 1), "sapphire.text.control"));
            } else {
                file.rows.add(new Row(i + 1, cells));
            }
        }
        return file;
    }

    /** The rows with the right number of cells. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public void reject(Row row, String messageKey) {
        problems.add(InputProblem.of(row.field(), messageKey));
    }

    public void reject(Row row, String messageKey, String argument, Object value) {
        problems.add(InputProblem.of(row.field(), messageKey, argument, value));
    }

    /** A problem found by a check shared with a form (whose message names the field), against this row. */
    public void reject(Row row, InputProblem problem) {
        problems.add(new InputProblem(row.field(), problem.messageKey(), problem.arguments()));
    }

    /** Checks a code column: the pattern, and once only in the file. */
    public void code(Row row, int column, Set<String> seen) {
        String code = row.get(column);
        if (!code.matches("[A-Za-z0-9_-]{1,20}")) {
            reject(row, "sapphire.csv.code");
        } else if (!seen.add(code)) {
            reject(row, "sapphire.csv.duplicate", "code", code);
        }
    }

    /** Checks a name column: 1 to {@code max} characters. */
    public void name(Row row, int column, int max) {
        if (row.get(column).isEmpty() || row.get(column).length() > max) {
            reject(row, "sapphire.csv.name", "max", max);
        }
    }

    /** Checks a true/false column. */
    public boolean flag(Row row, int column) {
        String value = row.get(column).toLowerCase(Locale.ROOT);
        if (!Set.of("true", "false").contains(value)) {
            reject(row, "sapphire.csv.active", "value", row.get(column));
        }
        return "true".equals(value);
    }

    /** Whether no problem was recorded against this row. */
    public boolean isClean(Row row) {
        return problems.stream().noneMatch(problem -> problem.field().equals(row.field()));
    }

    /** Refuses the file, naming every problem, if there is any. */
    public void finish() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static InvalidInputException refused(InputProblem problem) {
        return new InvalidInputException(List.of(problem));
    }
}
