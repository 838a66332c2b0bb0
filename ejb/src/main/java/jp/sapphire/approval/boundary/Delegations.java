package jp.sapphire.approval.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.sapphire.approval.entity.ApprovalDelegation;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;

/**
 * 代理承認: the calling approver names a deputy for a period of days (both included, in the
 * caller's time zone). While it is in effect the deputy sees and decides the caller's steps, and
 * the action log says "on behalf of". An approver manages only their own delegations.
 */
@Stateless
public class Delegations {

    /** The longest period one delegation may cover. */
    public static final int MAX_DAYS = 366;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    @Inject
    MemberClock memberClock;

    @Inject
    Clock clock;

    /** The caller's delegations that have not ended, soonest first. */
    public List<ApprovalDelegation> mine() {
        return notEnded("d.delegatorId");
    }

    /** Delegations to the caller that have not ended, soonest first. */
    public List<ApprovalDelegation> toMe() {
        return notEnded("d.deputyId");
    }

    private List<ApprovalDelegation> notEnded(String side) {
        return em.createQuery("SELECT d FROM ApprovalDelegation d WHERE " + side + " = :me AND d.validTo >= :today"
                        + " ORDER BY d.validFrom, d.id", ApprovalDelegation.class)
                .setParameter("me", me())
                .setParameter("today", memberClock.today())
                .getResultList();
    }

    public ApprovalDelegation delegate(UUID deputyId, LocalDate from, LocalDate to) {
        List<InputProblem> problems = new ArrayList<>();
        Member deputy = deputyId == null ? null : em.find(Member.class, deputyId);
        if (deputy == null || !deputy.isActive()) {
            problems.add(InputProblem.of("deputyId", "sapphire.delegation.deputy.unknown"));
        } else if (deputy.getId().equals(me())) {
            problems.add(InputProblem.of("deputyId", "sapphire.delegation.deputy.self"));
        }
        if (from == null) {
            problems.add(InputProblem.of("validFrom", "sapphire.delegation.from.required"));
        }
        if (to == null) {
            problems.add(InputProblem.of("validTo", "sapphire.delegation.to.required"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(InputProblem.of("validTo", "sapphire.delegation.to.order"));
            } else if (to.isBefore(memberClock.today())) {
                problems.add(InputProblem.of("validTo", "sapphire.delegation.to.past"));
            } else if (from.plusDays(MAX_DAYS).isBefore(to)) {
                problems.add(InputProblem.of("validTo", "sapphire.delegation.too-long", "days", MAX_DAYS));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ApprovalDelegation delegation = new ApprovalDelegation(me(), deputyId, from, to, clock.instant());
        em.persist(delegation);
        return delegation;
    }

    /** Ends one of the caller's delegations now by removing it. */
    public void revoke(UUID id) {
        ApprovalDelegation delegation = em.find(ApprovalDelegation.class, id);
        if (delegation == null || !delegation.getDelegatorId().equals(me())) {
            throw new NotFoundException("delegation");
        }
        em.remove(delegation);
    }

    private UUID me() {
        return signedIn.requireMember().memberId();
    }
}
