package jp.sapphire.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedCellsDoubledQuotesLineBreaksInsideQuotesAndBothLineEnds() {
        assertThat(Csv.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n\nlast"))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "x"), List.of("last"));
    }

    @Test
    void writesEveryCellQuotedAndNeutralisesWhatASpreadsheetWouldRun() throws IOException {
        StringWriter out = new StringWriter();
        Csv.line(out, java.util.Arrays.asList("=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "plain \"q\"", null));
        assertThat(out.toString())
                .isEqualTo("\"'=cmd|' /C calc'!A0\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"plain \"\"q\"\"\",\"\"\r\n");
        assertThat(Csv.unneutralised("'=cmd")).isEqualTo("=cmd");
        assertThat(Csv.unneutralised("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void decodesUtf8WithoutItsByteOrderMarkAndShiftJisAndRefusesTheWrongOne() throws CharacterCodingException {
        byte[] utf8 = "\uFEFF勘定科目".getBytes(StandardCharsets.UTF_8);
        assertThat(Csv.decode(utf8, StandardCharsets.UTF_8)).isEqualTo("勘定科目");
        byte[] sjis = "勘定科目①".getBytes(Csv.SHIFT_JIS);
        assertThat(Csv.decode(sjis, Csv.SHIFT_JIS)).isEqualTo("勘定科目①");
        assertThatThrownBy(() -> Csv.decode(sjis, StandardCharsets.UTF_8)).isInstanceOf(CharacterCodingException.class);
    }
}
