package jp.sapphire.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void textAPersonTypesIsPlainWithItsLinesAndTabsAndEmoji() {
        assertThat(PlainText.isPlain("大阪出張\n\t打合せ 1,100円 🚄\r\n")).isTrue();
        assertThat(PlainText.isPlain("")).isTrue();
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreNot() {
        for (String bad : new String[] {"a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u009f", "\ud83d", "x\ude84",
                "\ude84\ud83d"}) {
            assertThat(PlainText.isPlain(bad)).as("U+%04X…", (int) bad.charAt(0)).isFalse();
        }
    }
}
