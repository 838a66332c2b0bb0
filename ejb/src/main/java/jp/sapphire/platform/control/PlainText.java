package jp.sapphire.platform.control;

/**
 * Text a person can have typed: no control characters but tab, line feed and carriage return
 * (no NUL, which PostgreSQL cannot store, no escape sequences, no C1 controls), and no half of a
 * surrogate pair. Every text SAPPHIRE stores from outside passes this (the API's JSON reader,
 * every field of the pages, every CSV cell).
 */
public final class PlainText {

    private PlainText() {
    }

    public static boolean isPlain(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
