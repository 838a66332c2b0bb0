package jp.sapphire.notification.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.sapphire.notification.entity.NotificationKind;

/**
 * The words of notifications and e-mails in a member's language (Japanese, English): the bundle
 * {@code jp/sapphire/notification/texts} has, per kind, {@code .text} (in the app), {@code .subject}
 * and {@code .body} (e-mail), with the placeholders of {@link Fields}.
 */
public final class NotificationTexts {

    private static final String BUNDLE = "jp.sapphire.notification.texts";

    /**
     * What the texts may say: {0} report title, {1} who acted, {2} applicant, {3} total as ¥1,234,
     * {4} link to the report, {5} comment (empty if none).
     */
    public record Fields(String title, String actor, String applicant, long totalYen, String link, String comment) {

        Object[] arguments() {
            return new Object[] {title, actor == null ? "" : actor, applicant == null ? "" : applicant,
                    "¥" + String.format(Locale.ROOT, "%,d", totalYen), link, comment == null ? "" : comment};
        }
    }

    /** An e-mail, worded. */
    public record Mail(String subject, String body) {
    }

    private NotificationTexts() {
    }

    public static String text(NotificationKind kind, Locale locale, Fields fields) {
        return format(kind, "text", locale, fields);
    }

    public static Mail mail(NotificationKind kind, Locale locale, Fields fields) {
        return new Mail(format(kind, "subject", locale, fields), format(kind, "body", locale, fields));
    }

    private static String format(NotificationKind kind, String part, Locale locale, Fields fields) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NotificationTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(kind.name() + "." + part), locale).format(fields.arguments());
    }
}
