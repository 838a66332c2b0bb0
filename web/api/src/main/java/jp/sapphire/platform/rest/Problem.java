package jp.sapphire.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}): a type, a title and
 * detail in the caller's language, the status, and for invalid input each field with its message.
 * Never a stack trace.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String TYPES = "https://sapphire.example/problems/";

    /** One field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(String type, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(TYPES + type, title, status, detail, errors.isEmpty() ? null : List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
