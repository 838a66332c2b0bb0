package jp.sapphire.platform.control;

import java.util.Map;

/**
 * The request is well-formed but the thing it acts on is not in a state that allows it: changed
 * by someone else meanwhile, already submitted, and so on.
 */
public class ConflictException extends Refusal {

    private static final long serialVersionUID = 1L;

    public ConflictException(String messageKey) {
        this(messageKey, Map.of());
    }

    public ConflictException(String messageKey, Map<String, Object> arguments) {
        super(messageKey, arguments);
    }
}
