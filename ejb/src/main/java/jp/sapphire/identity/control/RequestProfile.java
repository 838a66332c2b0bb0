package jp.sapphire.identity.control;

import jakarta.enterprise.context.RequestScoped;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * What the request's authentication already read about its member (the API's token check reads
 * their time zone with the token), so that the request's work does not read it again.
 */
@RequestScoped
public class RequestProfile {

    private UUID memberId;
    private ZoneId zone;

    public void remember(UUID memberId, ZoneId zone) {
        this.memberId = memberId;
        this.zone = zone;
    }

    /** The member's zone, if this request read it for this member. */
    public Optional<ZoneId> zoneOf(UUID member) {
        return member.equals(memberId) ? Optional.ofNullable(zone) : Optional.empty();
    }
}
