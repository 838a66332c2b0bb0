package jp.sapphire.platform.control;

import java.util.Map;

/**
 * One thing wrong with what a user sent: the field (as the input names it, e.g.
 * {@code lines[2].amountYen}), the message key in the ValidationMessages bundle, and the values
 * its placeholders take. Turned into text in the user's language where it is shown.
 */
public record InputProblem(String field, String messageKey, Map<String, Object> arguments) {

    public InputProblem {
        arguments = Map.copyOf(arguments);
    }

    public static InputProblem of(String field, String messageKey) {
        return new InputProblem(field, messageKey, Map.of());
    }

    public static InputProblem of(String field, String messageKey, String argument, Object value) {
        return new InputProblem(field, messageKey, Map.of(argument, value));
    }
}
