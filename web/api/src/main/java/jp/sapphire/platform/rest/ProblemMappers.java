package jp.sapphire.platform.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
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
import jp.sapphire.defence.rest.StrictJson;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Messages;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.control.ServiceMeters;

/**
 * Every error the API answers, as problem+json in the caller's language (Accept-Language:
 * Japanese unless English is preferred): invalid input 422 with each field, unknown or foreign ids
 * 404, not permitted 403, state conflicts 409, malformed requests 400, anything unexpected 500 without details.
 */
public final class ProblemMappers {

    private static final System.Logger LOG = System.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** The common part: the caller's language, and the problem as the response. */
    public abstract static class Mapper<E extends Throwable> implements ExceptionMapper<E> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(E exception) {
            return problem(exception, ApiLocale.of(headers)).toResponse();
        }

        protected abstract Problem problem(E exception, Locale locale);
    }

    /** A problem whose title and detail come from the bundle under its type's name. */
    static Problem described(String type, int status, Locale locale) {
        return Problem.of(type, text(type, locale), status, text(type + ".detail", locale), List.of());
    }

    /** 400 for a body that cannot be read at all, naming the body as the field. */
    static Problem unreadableBody(Locale locale, String detail) {
        return Problem.of("malformed", text("malformed", locale), 400, detail, List.of(new Problem.FieldError("body", detail)));
    }

    public static String text(String key, Locale locale) {
        return ResourceBundle.getBundle("jp.sapphire.api.problems", locale, ProblemMappers.class.getClassLoader())
                .getString(key);
    }

    /** 422 with every field and its message. */
    @Provider
    public static class InvalidInput extends Mapper<InvalidInputException> {

        @Override
        protected Problem problem(InvalidInputException invalid, Locale locale) {
            List<Problem.FieldError> errors = invalid.problems().stream()
                    .map(problem -> new Problem.FieldError(problem.field(), Messages.text(problem, locale))).toList();
            return Problem.of("invalid-input", text("invalid-input", locale), 422, errors.get(0).message(), errors);
        }
    }

    /** 404, the same for what does not exist and what the caller may not see. */
    @Provider
    public static class NotFound extends Mapper<NotFoundException> {

        @Override
        protected Problem problem(NotFoundException notFound, Locale locale) {
            return described("not-found", 404, locale);
        }
    }

    /** 409 with what is in the way. */
    @Provider
    public static class Conflict extends Mapper<ConflictException> {

        @Override
        protected Problem problem(ConflictException conflict, Locale locale) {
            return refused("conflict", 409, conflict, locale);
        }
    }

    /** 403: the caller may see it, but may not do this to it. */
    @Provider
    public static class NotPermitted extends Mapper<NotPermittedException> {

        @Override
        protected Problem problem(NotPermittedException refusal, Locale locale) {
            return refused("not-permitted", 403, refusal, locale);
        }
    }

    static Problem refused(String type, int status, Refusal refusal, Locale locale) {
        return Problem.of(type, text(type, locale), status, Messages.text(refusal.problem(), locale), List.of());
    }

    /** JAX-RS' own answers (404 for an unknown path, 405, 415 …) and unreadable bodies (400), as problems. */
    @Provider
    public static class Protocol extends Mapper<WebApplicationException> {

        @Override
        protected Problem problem(WebApplicationException exception, Locale locale) {
            int status = exception.getResponse().getStatus();
            if (status == 400) {
                return unreadableBody(locale, text("malformed.detail", locale));
            }
            String reason = exception.getResponse().getStatusInfo().getReasonPhrase();
            return Problem.of("http-" + status, reason, status, reason, List.of());
        }
    }

    /** A body the JSON reader cannot parse: 400 (a body that is too large: 413, whichever reader found it). */
    @Provider
    public static class Unreadable extends Mapper<ProcessingException> {

        @Override
        protected Problem problem(ProcessingException exception, Locale locale) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof StrictJson.BodyTooLarge tooLarge) {
                    return new TooLarge().problem(tooLarge, locale);
                }
                if (cause instanceof StrictJson.MalformedBody malformed) {
                    return new NotJson().problem(malformed, locale);
                }
            }
            return unreadableBody(locale, text("malformed.detail", locale));
        }
    }

    /** A body that is not JSON: 400, naming where. */
    @Provider
    public static class NotJson extends Mapper<StrictJson.MalformedBody> {

        @Override
        protected Problem problem(StrictJson.MalformedBody malformed, Locale locale) {
            return unreadableBody(locale, Messages.text(malformed.problem(), locale));
        }
    }

    /** A body beyond the limit: 413, naming the limit. */
    @Provider
    public static class TooLarge extends Mapper<StrictJson.BodyTooLarge> {

        @Override
        protected Problem problem(StrictJson.BodyTooLarge tooLarge, Locale locale) {
            String message = Messages.text(InputProblem.of("body", "sapphire.api.body.too-large", "max", tooLarge.max()), locale);
            return Problem.of("too-large", text("too-large", locale), 413, message,
                    List.of(new Problem.FieldError("body", message)));
        }
    }

    /** A body JSON-B could parse but not bind (a word where a number belongs, a date that is none): 400. */
    @Provider
    public static class Unbindable extends Mapper<JsonbException> {

        @Override
        protected Problem problem(JsonbException exception, Locale locale) {
            return unreadableBody(locale, text("malformed.detail", locale));
        }
    }

    /**
     * A boundary's own role check refused the caller (the resource let more roles in than the use
     * case allows): 403, as the resource's check would have answered.
     */
    @Provider
    public static class RoleRefused extends Mapper<EJBAccessException> {

        @Override
        protected Problem problem(EJBAccessException refused, Locale locale) {
            return described("not-permitted", 403, locale);
        }
    }

    /** Anything else: logged here, and the caller learns only that it failed. */
    @Provider
    public static class Unexpected extends Mapper<EJBException> {

        @Inject
        ServiceMeters meters;

        @Override
        protected Problem problem(EJBException failure, Locale locale) {
            LOG.log(Level.ERROR, "Unexpected failure in the API", failure);
            meters.requestFailed(failure);
            return described("server-error", 500, locale);
        }
    }
}
