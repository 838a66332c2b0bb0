package jp.sapphire.platform.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.sapphire.identity.view.CurrentMember;

/** Formats stored values for the signed-in member: times are UTC instants shown in their zone. */
@Named("fmt")
@RequestScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    @Inject
    CurrentMember member;

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.withZone(member.getZone()).format(instant);
    }
}
