package jp.sapphire.payment.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class BankKanaTest {

    @Test
    void fullWidthKanaAndHiraganaBecomeHalfWidthWithTheMarksAsBytesOfTheirOwn() {
        assertThat(BankKana.convert("ガトウ　ケンジ").text()).isEqualTo("ｶﾞﾄｳ ｹﾝｼﾞ");
        assertThat(BankKana.convert("やまだ　はなこ").text()).isEqualTo("ﾔﾏﾀﾞ ﾊﾅｺ");
        assertThat(BankKana.convert("ポップ").text()).isEqualTo("ﾎﾟﾂﾌﾟ");
        assertThat(BankKana.convert("ヴィクトール").text()).isEqualTo("ｳﾞｲｸﾄ-ﾙ");
        assertThat(BankKana.bytes("ｶﾞﾄｳ", 30)).containsExactly(0xB6, 0xDE, 0xC4, 0xB3);
    }

    @Test
    void theLongVowelMarkIsWrittenAsAHyphenAndSmallKanaAreEnlarged() {
        assertThat(BankKana.convert("スーパー").text()).isEqualTo("ｽ-ﾊﾟ-");
        assertThat(BankKana.convert("ァィゥェォッャュョ").text()).isEqualTo("ｱｲｳｴｵﾂﾔﾕﾖ");
        assertThat(BankKana.convert("ｷｬｯｼｭ ｰ").text()).isEqualTo("ｷﾔﾂｼﾕ -");
    }

    @Test
    void lettersDigitsAndTheAllowedSymbolsPassInUpperCaseAndHalfWidth() {
        assertThat(BankKana.convert("ｶ)ｻﾌｧｲｱ　ｓａｐｐｈｉｒｅ　１２３").text()).isEqualTo("ｶ)ｻﾌｱｲｱ SAPPHIRE 123");
        assertThat(BankKana.convert("  (ｶ) abc.-/,  ").text()).isEqualTo("(ｶ) ABC.-/,");
    }

    @Test
    void aCharacterWithoutABankFormIsRefusedByName() {
        assertThat(BankKana.convert("山田 ﾀﾛｳ").refused()).isEqualTo("山");
        assertThat(BankKana.convert("ﾀﾅｶ・ﾊﾅｺ").refused()).isEqualTo("・");
        assertThat(BankKana.convert("ﾀﾛｳ😀").refused()).isEqualTo("😀");
        assertThat(BankKana.convert("ﾀﾛｳ@").refused()).isEqualTo("@");
        assertThat(BankKana.convert("ﾀﾛｳ").ok()).isTrue();
    }

    @Test
    void theBytesAreTheShiftJisBytesAndACutNeverPartsAKanaFromItsMark() {
        String name = BankKana.convert("ホンダ　タダカツノミヤツコ　ヒデヨシザエモンノスケジロウ").text();
        assertThat(BankKana.bytes(name, 100)).isEqualTo(name.getBytes(Charset.forName("Shift_JIS")));
        assertThat(BankKana.bytes(name, 30)).isEqualTo("ﾎﾝﾀﾞ ﾀﾀﾞｶﾂﾉﾐﾔﾂｺ ﾋﾃﾞﾖｼｻﾞｴﾓﾝﾉｽｹ".getBytes(Charset.forName("Shift_JIS")));
        assertThat(BankKana.bytes("ｶﾞ", 1)).isEmpty();
        assertThat(BankKana.bytes("ｱｲｳ", 2)).hasSize(2);
    }
}
