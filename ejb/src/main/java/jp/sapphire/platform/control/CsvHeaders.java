package jp.sapphire.platform.control;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The header lines of SAPPHIRE's CSV files in the member's language (the bundle
 * {@code jp/sapphire/platform/csv}: Japanese, English): an export writes the header of the language
 * of the member who asked for it, an import accepts the header of any language (or the column keys),
 * so a file exported by one administrator imports for another.
 */
public final class CsvHeaders {

    private static final String BUNDLE = "jp.sapphire.platform.csv";

    /** The languages headers are written in. */
    static final List<Locale> LANGUAGES = List.of(Locale.JAPANESE, Locale.ENGLISH);

    private CsvHeaders() {
    }

    /** The header of {@code file} in {@code locale} (Japanese for a language without its own), {0} filled with {@code value}. */
    public static List<String> of(String file, Locale locale, String value) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, CsvHeaders.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return List.of(bundle.getString(file).replace("{0}", value == null ? "" : value).split("\\|"));
    }

    public static List<String> of(String file, Locale locale) {
        return of(file, locale, null);
    }

    /** The header of {@code file} in every language, Japanese first. */
    public static List<List<String>> every(String file) {
        return LANGUAGES.stream().map(language -> of(file, language)).toList();
    }
}
