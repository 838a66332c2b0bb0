package jp.sapphire.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What members read comes from the message bundles, in their language (docs/UI.md): no string in
 * the Java sources holds Japanese text, apart from the files below, whose Japanese is data — the
 * names other software and the law expect, whatever the reader's language.
 */
class JapaneseTextTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../persistence/src/main/java"),
            Path.of("../web/ui/src/main/java"), Path.of("../web/api/src/main/java"));

    private static final Map<String, String> DATA = Map.of(
            "DemoData.java", "the demo company's content",
            "DemoTenant.java", "the demo company's content",
            "JournalFile.java", "the column names 弥生, freee and マネーフォワード import",
            "TaxNames.java", "the tax class names of the accounting software",
            "BankKana.java", "the 全銀 character table",
            "JournalSettings.java", "the default account names (未払金, 普通預金) of Japanese bookkeeping",
            "TenantDeletions.java", "the title of the bilingual deletion certificate",
            "PaymentsResource.java", "the API document naming the 全銀協 format");

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    @Test
    void noJavaStringHoldsJapaneseTextButData() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (DATA.containsKey(file.getFileName().toString())) {
                        continue;
                    }
                    for (String text : strings(Files.readString(file))) {
                        if (JAPANESE.matcher(text).find()) {
                            found.add(file.getFileName() + ": " + text);
                        }
                    }
                }
            }
        }
        assertThat(found).as("Japanese text in Java: move it to a message bundle").isEmpty();
    }

    /** In a page, Japanese punctuation counts too (〜 between two dates): it is text the member reads. */
    private static final Pattern PAGE_JAPANESE =
            Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]+");

    @Test
    void noPageHoldsJapaneseTextOutsideItsComments() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../web/ui/src/main/webapp"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                var japanese = PAGE_JAPANESE.matcher(Files.readString(file).replaceAll("(?s)<!--.*?-->", ""));
                while (japanese.find()) {
                    found.add(file.getFileName() + ": " + japanese.group());
                }
            }
        }
        assertThat(found).as("Japanese text in a page: use the message bundle (msg)").isEmpty();
    }

    @Test
    void theCheckSeesJapaneseInStringsAndNotInComments() {
        List<String> strings = strings("""
                // 注記 "コメント"
                String a = "http://x/" + "ただいま"; /* 説明 "x" */ char q = '"';
                String b = \"""
                    テキスト
                    \""";
                """);
        assertThat(strings).containsExactly("http://x/", "ただいま", "\n    テキスト\n    ");
        assertThat(strings.stream().filter(text -> JAPANESE.matcher(text).find())).hasSize(2);
    }

    /** The string literals and text blocks of a Java source, comments and character literals skipped. */
    static List<String> strings(String source) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                strings.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"') {
                int end = i + 1;
                while (source.charAt(end) != '"') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                strings.add(source.substring(i + 1, end));
                i = end + 1;
            } else if (source.charAt(i) == '\'') {
                i += source.charAt(i + 1) == '\\' ? 4 : 3;
            } else {
                i++;
            }
        }
        return strings;
    }
}
