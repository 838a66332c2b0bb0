package jp.sapphire.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.platform.control.NotFoundException;

/** Members (利用者) of the current tenant. */
@Stateless
public class Members {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Clock clock;

    public Member register(String issuer, String subject, String displayName, String email) {
        Member member = new Member(issuer, subject, displayName, email, clock.instant());
        em.persist(member);
        return member;
    }

    /**
     * The roles a member held at their last sign-in, as the sign-in records them: whom to tell of
     * a step any holder of a role may decide. Also for members who sign in elsewhere (imports).
     */
    public void recordRoles(UUID id, Set<Role> roles) {
        Member member = em.find(Member.class, id);
        if (member == null) {
            throw new NotFoundException("member");
        }
        member.setRoles(roles);
    }

    /** Active members by name: whom one may name as a deputy, for instance. */
    public List<Member> active() {
        return em.createQuery("SELECT m FROM Member m WHERE m.active = true ORDER BY m.displayName, m.id", Member.class)
                .getResultList();
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
