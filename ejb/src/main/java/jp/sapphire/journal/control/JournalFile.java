package jp.sapphire.journal.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.journal.control.Journal.Account;
import jp.sapphire.journal.control.Journal.Row;
import jp.sapphire.journal.control.Journal.Side;
import jp.sapphire.journal.control.Journal.Slip;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.platform.control.Csv;

/**
 * Journal slips as the file each accounting software imports (docs/JOURNALS.md for the columns and
 * their sources): every cell quoted, CRLF, a cell that would start a formula neutralised, as all of
 * SAPPHIRE's CSV. 弥生会計: 25 columns, no header, 識別フラグ 2000 for a slip of one line and
 * 2110 / 2100 / 2101 for the first, middle and last line of a compound slip. freee: the 仕訳 import
 * (汎用形式) with a header, lines of one slip sharing its date and number. マネーフォワード:
 * 仕訳帳 import, columns A–AA with a header, lines of one slip sharing its 取引No.
 */
public final class JournalFile {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    static final List<String> FREEE_HEADER = List.of("日付", "伝票番号", "決算整理仕訳", "借方勘定科目", "借方税区分",
            "借方金額", "借方税額", "借方取引先", "借方品目", "借方部門", "借方セグメント1", "貸方勘定科目", "貸方税区分",
            "貸方金額", "貸方税額", "貸方取引先", "貸方品目", "貸方部門", "貸方セグメント1", "摘要", "備考");

    static final List<String> MF_HEADER = List.of("取引No", "取引日", "借方勘定科目", "借方補助科目", "借方部門",
            "借方取引先", "借方税区分", "借方インボイス", "借方金額(円)", "借方税額", "貸方勘定科目", "貸方補助科目", "貸方部門",
            "貸方取引先", "貸方税区分", "貸方インボイス", "貸方金額(円)", "貸方税額", "摘要", "仕訳メモ", "タグ", "MF仕訳タイプ",
            "決算整理仕訳", "作成日時", "作成者", "最終更新日時", "最終更新者");

    private JournalFile() {
    }

    /** The charset a software's file is written in unless the caller chooses (freee takes both). */
    public static Charset defaultCharset(Software software) {
        return software == Software.FREEE ? StandardCharsets.UTF_8 : Csv.SHIFT_JIS;
    }

    /** The file's header row, if the software's format has one. */
    public static List<String> header(Software software) {
        return switch (software) {
            case YAYOI -> List.of();
            case FREEE -> FREEE_HEADER;
            case MF -> MF_HEADER;
        };
    }

    /** The file's rows (without the header), as cells. */
    public static List<List<String>> rows(Software software, List<Slip> slips, TaxNames names) {
        List<List<String>> rows = new ArrayList<>();
        for (Slip slip : slips) {
            for (int i = 0; i < slip.rows().size(); i++) {
                Row row = slip.rows().get(i);
                rows.add(switch (software) {
                    case YAYOI -> yayoi(slip, i, row, names);
                    case FREEE -> freee(slip, row, names);
                    case MF -> mf(slip, row, names);
                });
            }
        }
        return rows;
    }

    /** The whole file in {@code charset}: UTF-8 with a byte order mark, or Shift_JIS (Windows-31J). */
    public static byte[] write(Software software, List<Slip> slips, TaxNames names, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, charset)) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
            }
            if (!header(software).isEmpty()) {
                Csv.line(out, header(software));
            }
            for (List<String> row : rows(software, slips, names)) {
                Csv.line(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> yayoi(Slip slip, int index, Row row, TaxNames names) {
        int count = slip.rows().size();
        String flag = count == 1 ? "2000" : index == 0 ? "2110" : index == count - 1 ? "2101" : "2100";
        List<String> cells = new ArrayList<>(List.of(flag, Integer.toString(slip.number()), "", DAY.format(slip.date())));
        cells.addAll(yayoiSide(row.debit(), names));
        cells.addAll(yayoiSide(row.credit(), names));
        cells.addAll(List.of(text(row.description()), "", "", "0", "", text(row.memo()), "0", "0", "no"));
        return cells;
    }

    private static List<String> yayoiSide(Side side, TaxNames names) {
        return List.of(side.account().name(), text(side.account().subAccount()), text(side.department()),
                names.name(Software.YAYOI, side), Long.toString(side.amountYen()), Long.toString(side.taxYen()));
    }

    private static List<String> freee(Slip slip, Row row, TaxNames names) {
        List<String> cells = new ArrayList<>(List.of(DAY.format(slip.date()), Integer.toString(slip.number()), ""));
        cells.addAll(freeeSide(row.debit(), row.segment(), names));
        cells.addAll(freeeSide(row.credit(), null, names));
        cells.addAll(List.of(text(row.description()), text(row.memo())));
        return cells;
    }

    private static List<String> freeeSide(Side side, String segment, TaxNames names) {
        Account account = side.account();
        return List.of(account.name(), names.name(Software.FREEE, side), Long.toString(side.amountYen()),
                Long.toString(side.taxYen()), text(side.partner()), text(account.subAccount()), text(side.department()),
                text(segment));
    }

    private static List<String> mf(Slip slip, Row row, TaxNames names) {
        List<String> cells = new ArrayList<>(List.of(Integer.toString(slip.number()), DAY.format(slip.date())));
        cells.addAll(mfSide(row.debit(), names));
        cells.addAll(mfSide(row.credit(), names));
        cells.addAll(List.of(text(row.description()), text(row.memo()), text(row.segment()), "", "", "", "", "", ""));
        return cells;
    }

    private static List<String> mfSide(Side side, TaxNames names) {
        return List.of(side.account().name(), text(side.account().subAccount()), text(side.department()),
                text(side.partner()), names.name(Software.MF, side), invoice(side), Long.toString(side.amountYen()),
                Long.toString(side.taxYen()));
    }

    /** マネーフォワード's インボイス column: 適格 for a full deduction, "70%控除" and the like under the transitional measure. */
    private static String invoice(Side side) {
        if (side.taxClass() == null || side.status() == null || side.status() == InvoiceStatus.NOT_TAXABLE) {
            return "";
        }
        return side.status() == InvoiceStatus.TRANSITIONAL ? side.deductiblePercent() + "%控除" : "適格";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
