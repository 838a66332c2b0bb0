package jp.sapphire.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * The request is well-formed but the thing it acts on is not in a state that allows it: changed
 * by someone else meanwhile, already submitted, and so on. Carries a message key of the
 * ValidationMessages bundle, like an input problem without a field.
 */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final InputProblem problem;

    public ConflictException(String messageKey) {
        this(messageKey, Map.of());
    }

    public ConflictException(String messageKey, Map<String, Object> arguments) {
        super(messageKey);
        this.problem = new InputProblem("", messageKey, arguments);
    }

    public InputProblem problem() {
        return problem;
    }
}
