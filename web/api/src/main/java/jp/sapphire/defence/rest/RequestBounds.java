package jp.sapphire.defence.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.PlainText;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Before a request is matched to a resource: a declared body larger than the largest receipt and
 * a little for the form around it is refused with 413 before anything reads it (JSON bodies have
 * their own, smaller limit, {@link StrictJson}, and a receipt stream is cut one byte after the
 * receipt rule); a query parameter with a control character is refused with 422 naming it.
 */
@Provider
@PreMatching
public class RequestBounds implements ContainerRequestFilter {

    private static final long FORM_MARGIN = 1024 * 1024;

    @Inject
    @ConfigProperty(name = "sapphire.receipt.max-bytes")
    long receiptMaxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        long max = receiptMaxBytes + FORM_MARGIN;
        if (request.getLength() > max) {
            throw new StrictJson.BodyTooLarge((int) Math.min(Integer.MAX_VALUE, max));
        }
        List<InputProblem> problems = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (!PlainText.isPlain(name) || !values.stream().allMatch(PlainText::isPlain)) {
                problems.add(InputProblem.of(PlainText.isPlain(name) ? name : "query", "sapphire.text.control"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
