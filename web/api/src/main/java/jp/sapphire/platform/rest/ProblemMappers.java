package jp.sapphire.platform.rest;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.control.NotFoundException;

/**
 * Every error the API answers, as problem+json in the caller's language (Accept-Language:
 * Japanese unless English is preferred): invalid input 422 with each field, unknown or foreign ids
 * 404, state conflicts 409, malformed requests 400, anything unexpected 500 without details.
 */
public final class ProblemMappers {

    private static final System.Logger LOG = System.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static String text(String key, Locale locale) {
        return ResourceBundle.getBundle("jp.sapphire.api.problems", locale, ProblemMappers.class.getClassLoader())
                .getString(key);
    }

    /** 422 with every field and its message. */
    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(InvalidInputException invalid) {
            Locale locale = ApiLocale.of(headers);
            List<Problem.FieldError> errors = invalid.problems().stream()
                    .map(problem -> new Problem.FieldError(problem.field(), Messages.text(problem, locale))).toList();
            return Problem.of("invalid-input", text("invalid-input", locale), 422,
                    errors.get(0).message(), errors).toResponse();
        }
    }

    /** 404, the same for what does not exist and what the caller may not see. */
    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(NotFoundException notFound) {
            Locale locale = ApiLocale.of(headers);
            return Problem.of("not-found", text("not-found", locale), 404, text("not-found.detail", locale), List.of())
                    .toResponse();
        }
    }

    /** 409 with what is in the way. */
    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ConflictException conflict) {
            Locale locale = ApiLocale.of(headers);
            return Problem.of("conflict", text("conflict", locale), 409, Messages.text(conflict.problem(), locale),
                    List.of()).toResponse();
        }
    }

    /** JAX-RS' own answers (404 for an unknown path, 405, 415 …) and unreadable bodies (400), as problems. */
    @Provider
    public static class Protocol implements ExceptionMapper<WebApplicationException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException exception) {
            Locale locale = ApiLocale.of(headers);
            int status = exception.getResponse().getStatus();
            String type = status == 400 ? "malformed" : "http-" + status;
            String title = status == 400 ? text("malformed", locale) : exception.getResponse().getStatusInfo().getReasonPhrase();
            String detail = status == 400 ? text("malformed.detail", locale) : title;
            return Problem.of(type, title, status, detail, List.of()).toResponse();
        }
    }

    /** A body JSON-B cannot read: 400. */
    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ProcessingException exception) {
            Locale locale = ApiLocale.of(headers);
            return Problem.of("malformed", text("malformed", locale), 400, text("malformed.detail", locale), List.of())
                    .toResponse();
        }
    }

    /** A body JSON-B could parse but not bind (a word where a number belongs, a date that is none): 400. */
    @Provider
    public static class Unbindable implements ExceptionMapper<JsonbException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(JsonbException exception) {
            Locale locale = ApiLocale.of(headers);
            return Problem.of("malformed", text("malformed", locale), 400, text("malformed.detail", locale), List.of())
                    .toResponse();
        }
    }

    /** Anything else: logged here, and the caller learns only that it failed. */
    @Provider
    public static class Unexpected implements ExceptionMapper<EJBException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(EJBException failure) {
            LOG.log(Level.ERROR, "Unexpected failure in the API", failure);
            Locale locale = ApiLocale.of(headers);
            return Problem.of("server-error", text("server-error", locale), 500, text("server-error.detail", locale),
                    List.of()).toResponse();
        }
    }
}
