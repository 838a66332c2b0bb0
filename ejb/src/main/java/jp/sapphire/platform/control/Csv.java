package jp.sapphire.platform.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV the way Japanese offices exchange it with Excel: written with every cell quoted and CRLF line
 * ends, a cell a spreadsheet would take for a formula ({@code = + - @}, tab, CR) prefixed with an
 * apostrophe; read as RFC 4180 (quoted cells, doubled quotes, line breaks inside quotes) in UTF-8
 * (with or without a byte order mark) or Shift_JIS (Windows' variant, as Excel writes it).
 */
public final class Csv {

    /** Shift_JIS as Excel writes it (Windows-31J), so ①, ㈱ and the like survive. */
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private Csv() {
    }

    public static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * A whole file: the header and the rows, in UTF-8 with a byte order mark (so Excel knows it) or
     * in Shift_JIS.
     */
    public static byte[] document(Charset charset, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, charset)) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
            }
            line(out, header);
            for (List<String> row : rows) {
                line(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** A cell as this class wrote it, without the apostrophe that kept a formula from running. */
    public static String unneutralised(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    /** The text of a file in this charset; refused if it is not valid in it. A UTF-8 byte order mark is dropped. */
    public static String decode(byte[] content, Charset charset) throws CharacterCodingException {
        String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        return charset.equals(StandardCharsets.UTF_8) && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Rows of cells; empty lines are skipped. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
