package jp.sapphire.payment.control;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The 全銀協 総合振込 file (種別コード 21, コード区分 0 = JIS): fixed 120-byte records — a header
 * (1), one data record (2) per payee, a trailer (8) with the count and the total, an end record
 * (9). Numeric fields right-aligned and zero-filled, text left-aligned and space-filled, in
 * JIS X 0201 half-width characters only (the same bytes in Shift_JIS and CP932); CR LF after each
 * record unless the payer's bank wants none. Field positions: docs/PAYMENTS.md.
 */
public final class ZenginFile {

    public static final int RECORD = 120;

    /** The payer (依頼人) and its account, names already in bank kana. */
    public record Payer(String requesterCode, String requesterName, String bankCode, String bankName, String branchCode,
                        String branchName, int accountType, String accountNumber) {
    }

    /** One transfer to one payee (受取人), the amount in yen. */
    public record Transfer(Account account, long amountYen) {
    }

    private ZenginFile() {
    }

    public static byte[] write(Payer payer, LocalDate transferDate, List<Transfer> transfers, boolean lineBreaks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(RECORD * (transfers.size() + 3) + 2 * (transfers.size() + 3));
        Record header = new Record().number(1, 1).number(21, 2).number(0, 1).digits(payer.requesterCode(), 10)
                .text(payer.requesterName(), 40).number(transferDate.getMonthValue() * 100L + transferDate.getDayOfMonth(), 4)
                .digits(payer.bankCode(), 4).text(payer.bankName(), 15).digits(payer.branchCode(), 3)
                .text(payer.branchName(), 15).number(payer.accountType(), 1).digits(payer.accountNumber(), 7).text("", 17);
        append(out, header, lineBreaks);
        long total = 0;
        for (Transfer transfer : transfers) {
            Account account = transfer.account();
            Record data = new Record().number(2, 1).digits(account.bankCode(), 4).text("", 15).digits(account.branchCode(), 3)
                    .text("", 15).number(0, 4).number(account.type().code(), 1).digits(account.number(), 7)
                    .text(account.holder(), 30).number(transfer.amountYen(), 10).number(0, 1).number(0, 10).number(0, 10)
                    .number(7, 1).text("", 1).text("", 7);
            append(out, data, lineBreaks);
            total += transfer.amountYen();
        }
        append(out, new Record().number(8, 1).number(transfers.size(), 6).number(total, 12).text("", 101), lineBreaks);
        append(out, new Record().number(9, 1).text("", 119), lineBreaks);
        return out.toByteArray();
    }

    private static void append(ByteArrayOutputStream out, Record record, boolean lineBreaks) {
        out.writeBytes(record.bytes());
        if (lineBreaks) {
            out.write('\r');
            out.write('\n');
        }
    }

    /** A record filled field by field; it must come to exactly 120 bytes. */
    private static final class Record {

        private final byte[] bytes = new byte[RECORD];
        private int at;

        Record number(long value, int width) {
            String digits = Long.toString(value);
            if (value < 0 || digits.length() > width) {
                throw new IllegalArgumentException(value + " does not fit " + width + " digits");
            }
            return digits("0".repeat(width - digits.length()) + digits, width);
        }

        Record digits(String digits, int width) {
            if (!digits.matches("[0-9]{" + width + "}")) {
                throw new IllegalArgumentException("'" + digits + "' is not " + width + " digits");
            }
            return put(BankKana.bytes(digits, width), width);
        }

        /** Converted text, cut to the width without parting a kana from its mark, then spaces. */
        Record text(String converted, int width) {
            return put(BankKana.bytes(converted == null ? "" : converted, width), width);
        }

        private Record put(byte[] field, int width) {
            System.arraycopy(field, 0, bytes, at, field.length);
            Arrays.fill(bytes, at + field.length, at + width, (byte) ' ');
            at += width;
            return this;
        }

        byte[] bytes() {
            if (at != RECORD) {
                throw new IllegalStateException("A record of " + at + " bytes");
            }
            return bytes;
        }
    }
}
