package jp.sapphire.platform.control;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Text of an {@link InputProblem} in a language: the ValidationMessages bundle (Japanese, English)
 * with {@code {name}} placeholders filled from the problem's arguments.
 */
public final class Messages {

    private static final String BUNDLE = "ValidationMessages";

    private Messages() {
    }

    /** The text of a message without placeholders. */
    public static String text(String messageKey, Locale locale) {
        return text(InputProblem.of("", messageKey), locale);
    }

    public static String text(InputProblem problem, Locale locale) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader()).getString(problem.messageKey());
        } catch (MissingResourceException unknown) {
            pattern = problem.messageKey();
        }
        for (Map.Entry<String, Object> argument : problem.arguments().entrySet()) {
            pattern = pattern.replace("{" + argument.getKey() + "}", String.valueOf(argument.getValue()));
        }
        return pattern;
    }
}
