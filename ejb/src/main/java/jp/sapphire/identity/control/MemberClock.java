package jp.sapphire.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
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

    @Inject
    RequestProfile profile;

    /** The member's zone: as the request's authentication read it, or from their record. */
    public ZoneId zone() {
        Optional<UUID> member = signedIn.member().map(SapphirePrincipal::memberId);
        if (member.isEmpty()) {
            return DEFAULT_ZONE;
        }
        return known(member.get()).orElseGet(() -> Optional.ofNullable(em.find(Member.class, member.get()))
                .map(Member::getTimeZone).orElse(DEFAULT_ZONE));
    }

    private Optional<ZoneId> known(UUID member) {
        try {
            return profile.zoneOf(member);
        } catch (ContextNotActiveException noRequest) {
            // A timer or another thread without a request: nothing was read before.
            return Optional.empty();
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }
}
