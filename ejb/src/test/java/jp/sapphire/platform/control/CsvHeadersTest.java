package jp.sapphire.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each CSV file's header in Japanese and English: the same columns, in the member's language, Japanese for any other. */
class CsvHeadersTest {

    private static final List<String> FILES = List.of("category", "department", "project", "bank-account", "records", "activity");

    @Test
    void everyFileHasAHeaderInEachLanguageWithTheSameColumns() {
        for (String file : FILES) {
            List<List<String>> every = CsvHeaders.every(file);
            assertThat(every).as(file).hasSize(2);
            assertThat(every.get(1)).as(file).hasSameSizeAs(every.get(0)).isNotEqualTo(every.get(0));
            assertThat(String.join("", every.get(1))).as(file + " in English").matches("[\\x20-\\x7e]+");
        }
    }

    @Test
    void theMembersLanguageOrJapaneseWithTheZoneFilledIn() {
        assertThat(CsvHeaders.of("category", Locale.ENGLISH)).containsExactly("Code", "Name", "Kind", "Default tax class", "Active");
        assertThat(CsvHeaders.of("category", Locale.JAPANESE)).startsWith("コード", "名称");
        assertThat(CsvHeaders.of("category", Locale.FRENCH)).as("a language without a header of its own")
                .isEqualTo(CsvHeaders.of("category", Locale.JAPANESE));
        assertThat(CsvHeaders.of("activity", Locale.forLanguageTag("en-GB"), "Europe/London")).startsWith("Time (Europe/London)");
        assertThat(CsvHeaders.of("activity", Locale.JAPANESE, "Asia/Tokyo")).startsWith("日時 (Asia/Tokyo)");
    }
}
