package jp.sapphire.platform.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.sapphire.identity.view.CurrentMember;

/** Formats stored values for the signed-in member: times are UTC instants shown in their zone; yen as ¥1,234. */
@Named("fmt")
@RequestScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    @Inject
    CurrentMember member;

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.withZone(member.getZone()).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Yen as Japanese invoices write it: ¥1,234. */
    public String yen(long amount) {
        return (amount < 0 ? "-¥" : "¥") + String.format(Locale.ROOT, "%,d", Math.abs(amount));
    }
}
