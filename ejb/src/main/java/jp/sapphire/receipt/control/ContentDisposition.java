package jp.sapphire.receipt.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A safe {@code Content-Disposition} for a stored file name (RFC 6266): an ASCII fallback with
 * anything risky replaced, and the real name percent-encoded as UTF-8 in {@code filename*}, so a
 * name can neither break the header nor smuggle another one in.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String attachment(String filename) {
        return "attachment" + names(filename);
    }

    public static String inline(String filename) {
        return "inline" + names(filename);
    }

    private static String names(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
