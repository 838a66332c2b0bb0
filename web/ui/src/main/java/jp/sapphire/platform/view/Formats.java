package jp.sapphire.platform.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.sapphire.identity.view.CurrentMember;

/**
 * Formats stored values for the signed-in member: times are UTC instants shown in their zone,
 * written as their language writes dates (2027/03/01 10:00 in Japanese, Mar 1, 2027 10:00 in
 * English); yen as ¥1,234 in both.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter ENGLISH_DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    @Inject
    CurrentMember member;

    public String dateTime(Instant instant) {
        return instant == null ? "" : (english() ? ENGLISH_DATE_TIME : DATE_TIME).withZone(member.getZone()).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : (english() ? ENGLISH_DATE : DATE).format(date);
    }

    private boolean english() {
        return Locale.ENGLISH.getLanguage().equals(member.getLocale().getLanguage());
    }

    /** Yen as Japanese invoices write it: ¥1,234. */
    public String yen(long amount) {
        return (amount < 0 ? "-¥" : "¥") + String.format(Locale.ROOT, "%,d", Math.abs(amount));
    }
}
