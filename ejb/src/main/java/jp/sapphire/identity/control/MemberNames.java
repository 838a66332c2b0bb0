package jp.sapphire.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.identity.entity.Member;

/** Display names of members, in one query, for lists that show who did what. */
@ApplicationScoped
public class MemberNames {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    public Map<UUID, String> of(Collection<UUID> ids) {
        var wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT m FROM Member m WHERE m.id IN :ids", Member.class)
                .setParameter("ids", wanted)
                .getResultStream()
                .collect(Collectors.toMap(Member::getId, Member::getDisplayName));
    }
}
