package jp.sapphire.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.SapphirePrincipal;

/**
 * Calendar days as the signed-in member lives them: "today" (what is a future date, which
 * delegations are in effect) is the day in their time zone, Asia/Tokyo unless they chose another.
 */
@ApplicationScoped
public class MemberClock {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    @Inject
    Clock clock;

    public ZoneId zone() {
        Member member = signedIn.member().map(SapphirePrincipal::memberId).map(id -> em.find(Member.class, id)).orElse(null);
        return member == null ? DEFAULT_ZONE : member.getTimeZone();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }
}
