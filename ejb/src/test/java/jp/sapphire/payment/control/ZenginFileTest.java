package jp.sapphire.payment.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import jp.sapphire.payment.control.ZenginFile.Payer;
import jp.sapphire.payment.control.ZenginFile.Transfer;
import jp.sapphire.payment.entity.AccountType;
import org.junit.jupiter.api.Test;

/** The 全銀協 総合振込 file, byte for byte, against records written out by hand from the layout in docs/PAYMENTS.md. */
class ZenginFileTest {

    private static final Charset SJIS = Charset.forName("Shift_JIS");

    private static final Payer PAYER = new Payer("0123456789", "ｻﾌｱｲｱｼﾖｳｼﾞ(ｶ", "0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001",
            "ﾎﾝﾃﾝ", 1, "1234567");

    private static final List<Transfer> TRANSFERS = List.of(
            new Transfer(account("0001", "123", AccountType.ORDINARY, "0000123", "ガトウ　ケンジ"), 13_870),
            new Transfer(account("0009", "456", AccountType.CURRENT, "7654321",
                    "ホンダ　タダカツノミヤツコ　ヒデヨシザエモンノスケジロウ"), 1_234_567),
            new Transfer(account("0033", "001", AccountType.SAVINGS, "0101010", "やまだ　はなこ"), 500));

    @Test
    void threePayeesMakeExactlyTheRecordsTheLayoutDescribes() {
        byte[] file = ZenginFile.write(PAYER, LocalDate.of(2026, 12, 25), TRANSFERS, true);

        String expected = String.join("\r\n",
                "1" + "21" + "0" + "0123456789" + pad("ｻﾌｱｲｱｼﾖｳｼﾞ(ｶ", 40) + "1225" + "0005" + pad("ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", 15)
                        + "001" + pad("ﾎﾝﾃﾝ", 15) + "1" + "1234567" + " ".repeat(17),
                "2" + "0001" + " ".repeat(15) + "123" + " ".repeat(15) + "0000" + "1" + "0000123" + pad("ｶﾞﾄｳ ｹﾝｼﾞ", 30)
                        + "0000013870" + "0" + "0000000000" + "0000000000" + "7" + " " + " ".repeat(7),
                "2" + "0009" + " ".repeat(15) + "456" + " ".repeat(15) + "0000" + "2" + "7654321"
                        + pad("ﾎﾝﾀﾞ ﾀﾀﾞｶﾂﾉﾐﾔﾂｺ ﾋﾃﾞﾖｼｻﾞｴﾓﾝﾉｽｹ", 30)
                        + "0001234567" + "0" + "0000000000" + "0000000000" + "7" + " " + " ".repeat(7),
                "2" + "0033" + " ".repeat(15) + "001" + " ".repeat(15) + "0000" + "4" + "0101010" + pad("ﾔﾏﾀﾞ ﾊﾅｺ", 30)
                        + "0000000500" + "0" + "0000000000" + "0000000000" + "7" + " " + " ".repeat(7),
                "8" + "000003" + "000001248937" + " ".repeat(101),
                "9" + " ".repeat(119)) + "\r\n";
        assertThat(file).isEqualTo(expected.getBytes(SJIS));
        assertThat(file).hasSize(6 * 122);
        for (int record = 0; record < 6; record++) {
            byte[] line = Arrays.copyOfRange(file, record * 122, record * 122 + 122);
            assertThat(line[120]).isEqualTo((byte) '\r');
            assertThat(line[121]).isEqualTo((byte) '\n');
            for (int i = 0; i < 120; i++) {
                int b = line[i] & 0xFF;
                assertThat(b >= 0x20 && b < 0x7F || b >= 0xA1 && b <= 0xDF).as("byte %d of record %d is JIS X 0201", i, record)
                        .isTrue();
            }
        }
        // The name cut at 30 bytes keeps ｼﾞ whole by leaving it out: byte 30 of the field is a space.
        assertThat(file[122 * 2 + 50 + 29]).isEqualTo((byte) ' ');
    }

    @Test
    void withoutLineBreaksTheRecordsFollowEachOtherAndTheBytesAreTheSameEveryTime() {
        byte[] file = ZenginFile.write(PAYER, LocalDate.of(2027, 1, 4), TRANSFERS, false);

        assertThat(file).hasSize(6 * 120);
        assertThat(new String(file, 54, 4, SJIS)).isEqualTo("0104");
        assertThat(file[120]).isEqualTo((byte) '2');
        assertThat(new String(file, 480, 19, SJIS)).isEqualTo("8000003000001248937");
        assertThat(ZenginFile.write(PAYER, LocalDate.of(2027, 1, 4), TRANSFERS, false)).isEqualTo(file);
    }

    private static Account account(String bank, String branch, AccountType type, String number, String holder) {
        Account.Checked checked = Account.of(bank, branch, type.code(), number, holder);
        assertThat(checked.problems()).isEmpty();
        return checked.account();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
