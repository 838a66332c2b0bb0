package jp.sapphire.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.identity.entity.Member;

/** Members (利用者) of the current tenant. */
@Stateless
public class Members {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public Member register(String issuer, String subject, String displayName, String email) {
        Member member = new Member(issuer, subject, displayName, email, clock.instant());
        em.persist(member);
        return member;
    }

    public Optional<Member> find(UUID id) {
        return Optional.ofNullable(em.find(Member.class, id));
    }

    public Optional<Member> findByIdentity(String issuer, String subject) {
        return em.createNamedQuery(Member.BY_IDENTITY, Member.class)
                .setParameter("issuer", issuer)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }
}
