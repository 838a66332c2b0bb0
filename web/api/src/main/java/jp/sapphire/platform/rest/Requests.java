package jp.sapphire.platform.rest;

import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;

/** What every resource reads the same way from a request: a required body, and the version an If-Match names. */
public final class Requests {

    private Requests() {
    }

    /** The body, or a refusal naming it when there is none. */
    public static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException(InputProblem.of("", "sapphire.api.body.required"));
        }
        return body;
    }

    /** The version an If-Match header names (a response's ETag); {@code null} for none or {@code *}. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.valueOf(tag);
        } catch (NumberFormatException notOurs) {
            throw new InvalidInputException(InputProblem.of("If-Match", "sapphire.api.if-match"));
        }
    }
}
