package jp.sapphire.platform.control;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a member's language writes them (docs/UI.md): 2027/03/01 and 2027/03/01 10:00
 * in Japanese (and any language SAPPHIRE has no texts for), Mar 1, 2027 and Mar 1, 2027 10:00 in
 * English. One place for the pages and the mails.
 */
public final class LocalDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ENGLISH_DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH);

    private LocalDates() {
    }

    public static DateTimeFormatter date(Locale locale) {
        return english(locale) ? ENGLISH_DATE : DATE;
    }

    public static DateTimeFormatter dateTime(Locale locale) {
        return english(locale) ? ENGLISH_DATE_TIME : DATE_TIME;
    }

    private static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
