package jp.sapphire.notification.control;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.sapphire.notification.entity.NotificationKind;
import jp.sapphire.platform.control.LocalDates;

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
                    yen(totalYen), link, comment == null ? "" : comment};
        }
    }

    /** One report in an approver's daily digest: how many business days it has waited, since when. */
    public record DigestItem(String title, String applicant, long totalYen, int businessDays, Instant waitingSince,
                             String link) {
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

    /**
     * An approver's daily digest: the reports that have waited for them {@code reminderDays}
     * business days or more, each with its applicant, total, days waited and the day it began
     * waiting (in the approver's zone), and the link to their approvals.
     */
    public static Mail digest(Locale locale, ZoneId zone, int reminderDays, List<DigestItem> items, String approvalsLink) {
        DateTimeFormatter day = LocalDates.date(locale).withZone(zone);
        StringBuilder lines = new StringBuilder();
        for (DigestItem item : items) {
            lines.append(format("DIGEST.item", locale, new Object[] {item.title(), item.applicant(), yen(item.totalYen()),
                    item.businessDays(), day.format(item.waitingSince()), item.link()}));
        }
        Object[] arguments = {items.size(), reminderDays, lines.toString(), approvalsLink};
        return new Mail(format("DIGEST.subject", locale, arguments), format("DIGEST.body", locale, arguments));
    }

    /**
     * The notice of a restore of the whole system or ({@code oneTenant}) of the administrator's own
     * tenant only: when (in their zone), why, and as of when the data will be; an emergency says it
     * could not wait.
     */
    public static Mail restoreNotice(Locale locale, ZoneId zone, Instant at, String reason, Instant dataAsOf,
                                     boolean emergency, boolean oneTenant) {
        DateTimeFormatter time = LocalDates.dateTime(locale).withZone(zone);
        Object[] arguments = {time.format(at) + " (" + zone.getId() + ")", reason,
                time.format(dataAsOf) + " (" + zone.getId() + ")",
                emergency ? bundle(locale).getString("RESTORE.emergency") : ""};
        String kind = oneTenant ? "RESTORE_TENANT" : "RESTORE";
        return new Mail(format(kind + ".subject", locale, arguments), format(kind + ".body", locale, arguments));
    }

    /**
     * The notice of a change to SAPPHIRE (whitepaper §12), for a tenant's administrator: its kind,
     * title, technical description and when it is scheduled (in their zone).
     */
    public static Mail changeNotice(Locale locale, ZoneId zone, String kind, String title, String description, Instant at) {
        DateTimeFormatter time = LocalDates.dateTime(locale).withZone(zone);
        Object[] arguments = {time.format(at) + " (" + zone.getId() + ")", bundle(locale).getString("CHANGE.kind." + kind), title,
                description};
        return new Mail(format("CHANGE.subject", locale, arguments), format("CHANGE.body", locale, arguments));
    }

    /**
     * A notice of an incident (whitepaper §19), for an affected tenant's administrator: category,
     * title, when it was detected (in their zone), the data affected if known, this notice's message,
     * and whether it is the resolution.
     */
    public static Mail incidentNotice(Locale locale, ZoneId zone, String category, String title, Instant detectedAt,
                                      String dataScope, String message, boolean resolution) {
        DateTimeFormatter time = LocalDates.dateTime(locale).withZone(zone);
        ResourceBundle words = bundle(locale);
        Object[] arguments = {words.getString("INCIDENT.category." + category), title,
                time.format(detectedAt) + " (" + zone.getId() + ")",
                dataScope == null ? "" : MessageFormat.format(words.getString("INCIDENT.scope"), dataScope), message,
                words.getString(resolution ? "INCIDENT.resolved" : "INCIDENT.open")};
        return new Mail(format("INCIDENT.subject", locale, arguments), format("INCIDENT.body", locale, arguments));
    }

    /**
     * To every tenant administrator: the deletion of all of the tenant's data at contract end was
     * requested, by whom, when it falls due (in their zone), and that it can be withdrawn until then.
     */
    public static Mail deletionRequested(Locale locale, ZoneId zone, String tenant, String by, Instant dueAt) {
        DateTimeFormatter time = LocalDates.dateTime(locale).withZone(zone);
        Object[] arguments = {tenant, by, time.format(dueAt) + " (" + zone.getId() + ")"};
        return new Mail(format("DELETION_REQUESTED.subject", locale, arguments), format("DELETION_REQUESTED.body", locale, arguments));
    }

    /** To every tenant administrator: the request was withdrawn, and by whom. */
    public static Mail deletionWithdrawn(Locale locale, ZoneId zone, String tenant, String by) {
        Object[] arguments = {tenant, by};
        return new Mail(format("DELETION_WITHDRAWN.subject", locale, arguments), format("DELETION_WITHDRAWN.body", locale, arguments));
    }

    private static String yen(long amount) {
        return "¥" + String.format(Locale.ROOT, "%,d", amount);
    }

    private static String format(NotificationKind kind, String part, Locale locale, Fields fields) {
        return format(kind.name() + "." + part, locale, fields.arguments());
    }

    private static String format(String key, Locale locale, Object[] arguments) {
        return new MessageFormat(bundle(locale).getString(key), locale).format(arguments);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NotificationTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
