package jp.sapphire.payment.control;

import java.util.Map;

/**
 * Text in the characters a bank's transfer file takes (全銀協 規定: JIS X 0201 half-width only):
 * digits, upper-case A–Z, half-width katakana, space and {@code ( ) - . / ,}. What people type is
 * converted — full-width katakana and hiragana to half-width (ｶﾞ is a kana and its mark, two
 * characters), small kana enlarged (ｧ → ｱ, ッ → ﾂ), the long-vowel mark and dashes written
 * {@code -}, full-width letters, digits and symbols to half-width, lower case to upper case — and
 * anything else (a kanji, ・, an emoji) is refused by name. Source of the character set:
 * docs/PAYMENTS.md.
 */
public final class BankKana {

    /** The converted text, or the first character that has no bank form. */
    public record Converted(String text, String refused) {

        public boolean ok() {
            return refused == null;
        }
    }

    private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
    private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
    private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
    private static final String VOICED_BASE = "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
    private static final String SEMI = "パピプペポ";
    private static final String SEMI_BASE = "ﾊﾋﾌﾍﾎ";
    /** Small kana, full- and half-width, and the old ヰ ヱ, with the kana a bank writes for them. */
    private static final Map<Character, Character> ENLARGED = Map.ofEntries(
            Map.entry('ァ', 'ｱ'), Map.entry('ィ', 'ｲ'), Map.entry('ゥ', 'ｳ'), Map.entry('ェ', 'ｴ'), Map.entry('ォ', 'ｵ'),
            Map.entry('ッ', 'ﾂ'), Map.entry('ャ', 'ﾔ'), Map.entry('ュ', 'ﾕ'), Map.entry('ョ', 'ﾖ'), Map.entry('ヮ', 'ﾜ'),
            Map.entry('ヵ', 'ｶ'), Map.entry('ヶ', 'ｹ'), Map.entry('ヰ', 'ｲ'), Map.entry('ヱ', 'ｴ'),
            Map.entry('ｧ', 'ｱ'), Map.entry('ｨ', 'ｲ'), Map.entry('ｩ', 'ｳ'), Map.entry('ｪ', 'ｴ'), Map.entry('ｫ', 'ｵ'),
            Map.entry('ｯ', 'ﾂ'), Map.entry('ｬ', 'ﾔ'), Map.entry('ｭ', 'ﾕ'), Map.entry('ｮ', 'ﾖ'));
    private static final String SYMBOLS = " ()-./,";

    private BankKana() {
    }

    public static Converted convert(String typed) {
        StringBuilder out = new StringBuilder();
        String text = typed == null ? "" : typed.strip();
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            i += Character.charCount(point);
            String converted = convert(point);
            if (converted == null) {
                return new Converted(null, new String(Character.toChars(point)));
            }
            out.append(converted);
        }
        return new Converted(out.toString().replaceAll(" {2,}", " "), null);
    }

    /** The bank form of one character, or null if it has none. */
    private static String convert(int point) {
        char c = point > 0xFFFF ? 0 : (char) point;
        if (c >= 'ぁ' && c <= 'ゖ') {
            c = (char) (c + ('ァ' - 'ぁ'));
        }
        if (c == 'ヴ') {
            return "ｳﾞ";
        }
        int index;
        if ((index = FULL.indexOf(c)) >= 0) {
            return String.valueOf(HALF.charAt(index));
        }
        if ((index = VOICED.indexOf(c)) >= 0) {
            return VOICED_BASE.charAt(index) + "ﾞ";
        }
        if ((index = SEMI.indexOf(c)) >= 0) {
            return SEMI_BASE.charAt(index) + "ﾟ";
        }
        if (ENLARGED.containsKey(c)) {
            return String.valueOf(ENLARGED.get(c));
        }
        if (c == 'ー' || c == 'ｰ' || c == '－' || c == '‐' || c == '−' || c == '―') {
            return "-";
        }
        if (c == '　') {
            return " ";
        }
        if (c >= 0xFF61 && c <= 0xFF9F && c != 'ｰ' && c != '｡' && c != '｢' && c != '｣' && c != '､' && c != '･') {
            return String.valueOf(c);
        }
        if (c >= '！' && c <= '～') {
            c = (char) (c - 0xFEE0);
        }
        if (c >= 'a' && c <= 'z') {
            c = Character.toUpperCase(c);
        }
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SYMBOLS.indexOf(c) >= 0) {
            return String.valueOf(c);
        }
        return null;
    }

    /**
     * The bytes of converted text (Shift_JIS and CP932 agree on these: ASCII as it is, half-width
     * katakana 0xA1–0xDF), cut to at most {@code max} bytes without parting a kana from its ﾞ or ﾟ.
     */
    public static byte[] bytes(String converted, int max) {
        byte[] all = new byte[converted.length()];
        for (int i = 0; i < converted.length(); i++) {
            char c = converted.charAt(i);
            if (c >= 0xFF61 && c <= 0xFF9F) {
                all[i] = (byte) (c - 0xFF61 + 0xA1);
            } else if (c < 0x80) {
                all[i] = (byte) c;
            } else {
                throw new IllegalArgumentException("not converted for a bank: " + converted);
            }
        }
        int length = Math.min(all.length, max);
        while (length > 0 && length < all.length && isMark(all[length])) {
            length--;
        }
        byte[] cut = new byte[length];
        System.arraycopy(all, 0, cut, 0, length);
        return cut;
    }

    private static boolean isMark(byte b) {
        return b == (byte) 0xDE || b == (byte) 0xDF;
    }
}
