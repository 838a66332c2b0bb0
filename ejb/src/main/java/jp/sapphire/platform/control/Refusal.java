package jp.sapphire.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A well-formed request that SAPPHIRE refuses, with a message key of the ValidationMessages
 * bundle saying why (like an input problem without a field). Nothing it asked for happened: the
 * transaction rolls back.
 */
@ApplicationException(rollback = true)
public abstract class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final InputProblem problem;

    protected Refusal(String messageKey, Map<String, Object> arguments) {
        super(messageKey);
        this.problem = new InputProblem("", messageKey, arguments);
    }

    public InputProblem problem() {
        return problem;
    }
}
