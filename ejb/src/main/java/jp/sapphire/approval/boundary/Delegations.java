package jp.sapphire.approval.boundary;

import jakarta.ejb.EJB;
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
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.NotPermittedException;

/**
 * 代理承認: the calling approver names a deputy for a period of days (both included, in the
 * caller's time zone). While it is in effect the deputy sees and decides the caller's steps, and
 * the action log says "on behalf of". An approver manages only their own delegations, and never
 * while an administrator impersonates them (a delegation would outlast the impersonation); each
 * delegation made or ended is in the system audit log, with who made it for whom.
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

    @EJB
    SystemAudit audit;

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
        refuseWhileImpersonated("delegate to " + deputyId);
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
        ApprovalDelegation delegation = new ApprovalDelegation(me(), deputyId, from, to, clock.instant(), me());
        em.persist(delegation);
        audit.success(SystemEvent.DELEGATION_CREATED, signedIn.requireMember().tenantId(), signedIn.actor(),
                "delegation " + delegation.getId() + ": member:" + me() + " to deputy member:" + deputyId + " from " + from
                        + " to " + to);
        return delegation;
    }

    /** Ends one of the caller's delegations now by removing it. */
    public void revoke(UUID id) {
        refuseWhileImpersonated("end delegation " + id);
        ApprovalDelegation delegation = em.find(ApprovalDelegation.class, id);
        if (delegation == null || !delegation.getDelegatorId().equals(me())) {
            throw new NotFoundException("delegation");
        }
        em.remove(delegation);
        audit.success(SystemEvent.DELEGATION_REVOKED, signedIn.requireMember().tenantId(), signedIn.actor(),
                "delegation " + id + ": member:" + me() + " to deputy member:" + delegation.getDeputyId() + " ended");
    }

    private void refuseWhileImpersonated(String what) {
        SapphirePrincipal caller = signedIn.requireMember();
        if (caller.impersonated()) {
            audit.failure(SystemEvent.DELEGATION_CREATED, caller.tenantId(), signedIn.actor(), what + ": refused while impersonating");
            throw new NotPermittedException("sapphire.delegation.impersonated");
        }
    }

    private UUID me() {
        return signedIn.requireMember().memberId();
    }
}
