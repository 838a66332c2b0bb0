package jp.sapphire.backup.control;

import java.util.ArrayList;
import java.util.List;

/**
 * A row as PostgreSQL's COPY text format writes it (the rows of a generation of format
 * {@link Manifest#COPY_TEXT}): fields separated by tabs, {@code \N} for null, and a backslash
 * before {@code b f n r t v} for those control characters and before itself. Read here only for the
 * key columns when generations are consolidated; restores hand the lines to COPY unread.
 */
final class CopyText {

    private CopyText() {
    }

    /** The fields of one line (without its line end), unescaped; null for {@code \N}. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean isNull = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(isNull ? null : field.toString());
                field.setLength(0);
                isNull = false;
            } else if (c == '\\' && i + 1 < line.length()) {
                char escaped = line.charAt(++i);
                switch (escaped) {
                    case 'N' -> isNull = true;
                    case 'b' -> field.append('\b');
                    case 'f' -> field.append('\f');
                    case 'n' -> field.append('\n');
                    case 'r' -> field.append('\r');
                    case 't' -> field.append('\t');
                    case 'v' -> field.append('\u000b');
                    default -> field.append(escaped);
                }
            } else {
                field.append(c);
            }
        }
        fields.add(isNull ? null : field.toString());
        return fields;
    }
}
