package jp.sapphire.platform.view;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A page written without Faces, for answers given before any view can run (maintenance, too
 * many requests): Japanese first, then English, a status, how long to wait, never stored, and a
 * policy that lets it load nothing but its own inline style.
 */
public final class PlainPage {

    private PlainPage() {
    }

    /**
     * Writes the page: a heading and a paragraph in each language; {@code detail} is shown escaped
     * in both; a Retry-After header unless {@code retryAfterSeconds} is 0.
     */
    public static void write(HttpServletResponse response, int status, long retryAfterSeconds, String id,
                             String titleJa, String textJa, String titleEn, String textEn, String detail)
            throws IOException {
        response.setStatus(status);
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        response.setContentType("text/html;charset=UTF-8");
        String why = detail == null ? "" : escape(detail);
        response.getOutputStream().write(("""
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="UTF-8"><title>%s | SAPPHIRE</title>
                <style>body{font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.7}</style></head>
                <body><h1 id="%s">%s</h1>
                <p>%s%s</p>
                <hr><h2 lang="en">%s</h2>
                <p lang="en">%s%s</p>
                </body></html>
                """.formatted(titleJa, id, titleJa, textJa, why, titleEn, textEn, why)).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
