package jp.sapphire.platform.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.LocalDates;

/**
 * Formats stored values for the signed-in member: times are UTC instants shown in their zone,
 * written as their language writes dates (2027/03/01 10:00 in Japanese, Mar 1, 2027 10:00 in
 * English); yen as ¥1,234 in both.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    @Inject
    CurrentMember member;

    public String dateTime(Instant instant) {
        return instant == null ? "" : LocalDates.dateTime(member.getLocale()).withZone(member.getZone()).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : LocalDates.date(member.getLocale()).format(date);
    }

    /** Yen as Japanese invoices write it: ¥1,234. */
    public String yen(long amount) {
        return (amount < 0 ? "-¥" : "¥") + String.format(Locale.ROOT, "%,d", Math.abs(amount));
    }
}
