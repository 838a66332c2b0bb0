package jp.sapphire.approval.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.sapphire.approval.entity.ApprovalDelegation;
import jp.sapphire.approval.entity.ReportApprovalStep;
import jp.sapphire.expense.control.ReportReaders;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.entity.Role;

/**
 * Who may see a report and who stands behind an approval step. A report is read by its applicant,
 * by accounting and tenant administrators, and by the approvers on its route: the members a step
 * names, their deputies while a delegation is in effect, and the holders of a step's role.
 */
@ApplicationScoped
public class ReportAccess implements ReportReaders {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    Caller signedIn;

    @Inject
    SecurityContext security;

    @Inject
    MemberClock memberClock;

    public UUID me() {
        return signedIn.requireMember().memberId();
    }

    @Override
    public boolean mayRead(ExpenseReport report) {
        return report.getOwnerId().equals(me()) || security.isCallerInRole(Role.ACCOUNTING.name())
                || security.isCallerInRole(Role.TENANT_ADMIN.name()) || isOnRoute(report);
    }

    /** Whether the caller approves, or approved, a step of the report (in any round). */
    public boolean isOnRoute(ExpenseReport report) {
        return em.createNamedQuery(ReportApprovalStep.OF_REPORT, ReportApprovalStep.class)
                .setParameter("report", report.getId())
                .getResultStream()
                .anyMatch(this::stands);
    }

    /** Whether the caller may decide this step: as its approver, their deputy, or a holder of its role. */
    public boolean stands(ReportApprovalStep step) {
        return step.getApproverId() != null ? actingFor().contains(step.getApproverId()) : roles().contains(step.getRole());
    }

    /** The caller and every member whose deputy the caller is today. */
    public List<UUID> actingFor() {
        List<UUID> people = new ArrayList<>();
        people.add(me());
        people.addAll(delegatorsToday());
        return people;
    }

    /** The members whose deputy the caller is today, in the caller's time zone. */
    public List<UUID> delegatorsToday() {
        return inEffect("d.deputyId", me()).map(ApprovalDelegation::getDelegatorId).toList();
    }

    /** The deputies a member has today (in the caller's time zone). */
    public List<UUID> deputiesOf(UUID member) {
        return inEffect("d.delegatorId", member).map(ApprovalDelegation::getDeputyId).toList();
    }

    private Stream<ApprovalDelegation> inEffect(String side, UUID member) {
        return em.createQuery("SELECT d FROM ApprovalDelegation d WHERE " + side + " = :member AND "
                        + ApprovalDelegation.IN_EFFECT, ApprovalDelegation.class)
                .setParameter("member", member)
                .setParameter("day", memberClock.today())
                .getResultStream()
                .distinct();
    }

    /** The roles of the caller's session. */
    public Set<Role> roles() {
        return Arrays.stream(Role.values()).filter(role -> security.isCallerInRole(role.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
