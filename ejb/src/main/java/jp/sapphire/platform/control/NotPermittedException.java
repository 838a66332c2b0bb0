package jp.sapphire.platform.control;

import java.util.Map;

/**
 * The caller may see the thing but may not do this to it: approve a step that is someone else's,
 * approve their own report, pay without being accounting.
 */
public class NotPermittedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String messageKey) {
        this(messageKey, Map.of());
    }

    public NotPermittedException(String messageKey, Map<String, Object> arguments) {
        super(messageKey, arguments);
    }
}
