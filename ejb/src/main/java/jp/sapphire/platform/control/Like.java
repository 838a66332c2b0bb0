package jp.sapphire.platform.control;

import java.util.Locale;

/**
 * The pattern of a JPQL {@code LOWER(column) LIKE :pattern ESCAPE '\'} that finds typed text
 * anywhere, whatever its case: the text's own {@code %}, {@code _} and {@code \} are literal.
 */
public final class Like {

    private Like() {
    }

    /** The pattern for text found anywhere (blank or null: everything). */
    public static String containing(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
