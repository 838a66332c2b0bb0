package jp.sapphire.platform.view;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A page written without Faces, for answers given before any view can run (maintenance, too
 * many requests, too large): Japanese first, then English, from the UI's messages, a status, how long to wait, never stored, and a
 * policy that lets it load nothing but its own inline style.
 */
public final class PlainPage {

    /** The UI's messages (faces-config.xml's resource bundle). */
    private static final String MESSAGES = "jp.sapphire.ui.messages";

    private PlainPage() {
    }

    /**
     * Writes the page {@code id}: its heading and paragraph ({@code plain.ID.title},
     * {@code plain.ID.text} of the UI's messages) in Japanese and in English, {@code {0}} in the
     * paragraph filled with {@code argument} escaped; a Retry-After header unless
     * {@code retryAfterSeconds} is 0.
     */
    public static void write(HttpServletResponse response, int status, long retryAfterSeconds, String id, Object argument)
            throws IOException {
        response.setStatus(status);
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        response.setContentType("text/html;charset=UTF-8");
        String filled = argument == null ? "" : escape(String.valueOf(argument));
        ResourceBundle ja = bundle(Locale.JAPANESE);
        ResourceBundle en = bundle(Locale.ENGLISH);
        String titleJa = ja.getString("plain." + id + ".title");
        response.getOutputStream().write(("""
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="UTF-8"><title>%s | SAPPHIRE</title>
                <style>body{font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.7}</style></head>
                <body><h1 id="%s">%s</h1>
                <p>%s</p>
                <hr><h2 lang="en">%s</h2>
                <p lang="en">%s</p>
                </body></html>
                """.formatted(titleJa, id, titleJa, ja.getString("plain." + id + ".text").replace("{0}", filled),
                en.getString("plain." + id + ".title"), en.getString("plain." + id + ".text").replace("{0}", filled)))
                .getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale, PlainPage.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
