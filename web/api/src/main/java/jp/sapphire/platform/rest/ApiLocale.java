package jp.sapphire.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/** The language the API answers in: English when the caller prefers it (Accept-Language), Japanese otherwise. */
public final class ApiLocale {

    private ApiLocale() {
    }

    public static Locale of(HttpHeaders headers) {
        for (Locale wanted : headers == null ? List.<Locale>of() : headers.getAcceptableLanguages()) {
            if (wanted.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
            if (wanted.getLanguage().equals("ja")) {
                return Locale.JAPANESE;
            }
        }
        return Locale.JAPANESE;
    }
}
