package jp.sapphire.actionlog.control;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.sapphire.actionlog.entity.ActionLogEntry;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.Messages;

/**
 * The action log as CSV for Excel: UTF-8 with a byte order mark, CRLF line ends, every cell quoted,
 * times in the reader's zone (named in the header), actions and states in the reader's language.
 * A cell that a spreadsheet would take for a formula starts with an apostrophe instead.
 */
public final class ActionLogCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ActionLogCsv() {
    }

    /** The byte order mark and the header line, naming the zone the times are in. */
    public static void header(ZoneId zone, Locale locale, Writer out) throws IOException {
        out.write('\uFEFF');
        line(out, List.of(Messages.text("sapphire.csv.seq", locale), Messages.text("sapphire.csv.time", locale) + " (" + zone.getId() + ")",
                Messages.text("sapphire.csv.report-id", locale), Messages.text("sapphire.csv.report-title", locale),
                Messages.text("sapphire.csv.line", locale), Messages.text("sapphire.csv.action", locale),
                Messages.text("sapphire.csv.actor", locale), Messages.text("sapphire.csv.on-behalf-of", locale),
                Messages.text("sapphire.csv.impersonator", locale), Messages.text("sapphire.csv.status-before", locale),
                Messages.text("sapphire.csv.status-after", locale), Messages.text("sapphire.csv.step-before", locale),
                Messages.text("sapphire.csv.step-after", locale), Messages.text("sapphire.csv.comment", locale),
                Messages.text("sapphire.csv.hash", locale)));
    }

    /** One line per entry, in the order given. */
    public static void rows(List<LoggedAction> rows, ZoneId zone, Locale locale, Writer out) throws IOException {
        for (LoggedAction row : rows) {
            ActionLogEntry entry = row.entry();
            List<String> cells = new ArrayList<>();
            cells.add(Long.toString(entry.getSeq()));
            cells.add(TIME.withZone(zone).format(entry.getOccurredAt()));
            cells.add(entry.getReportId().toString());
            cells.add(row.reportTitle());
            cells.add(row.lineNo() == null ? null : row.lineNo().toString());
            cells.add(Messages.text("sapphire.action." + entry.getAction().name(), locale));
            cells.add(row.actorName());
            cells.add(row.onBehalfOfName());
            cells.add(entry.getImpersonator());
            cells.add(entry.getStatusBefore() == null ? null : Messages.text("sapphire.status." + entry.getStatusBefore().name(), locale));
            cells.add(entry.getStatusAfter() == null ? null : Messages.text("sapphire.status." + entry.getStatusAfter().name(), locale));
            cells.add(entry.getStepBefore() == null ? null : entry.getStepBefore().toString());
            cells.add(entry.getStepAfter() == null ? null : entry.getStepAfter().toString());
            cells.add(entry.getComment());
            cells.add(entry.getHash());
            line(out, cells);
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        Csv.line(out, cells);
    }
}
