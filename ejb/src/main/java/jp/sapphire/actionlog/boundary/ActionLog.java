package jp.sapphire.actionlog.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.sapphire.actionlog.control.ActionChain.Verification;
import jp.sapphire.actionlog.control.ActionChain;
import jp.sapphire.actionlog.control.LoggedAction;
import jp.sapphire.actionlog.entity.ActionLogEntry;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.expense.control.ReportReaders;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.control.MemberNames;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.secrets.control.SecretCipher;
import jp.sapphire.tenant.control.TenantContext;

/**
 * The action log (アクションログ) as people read it: the events of one report for whoever may read
 * the report; every event of a period for accounting and tenant administrators (the CSV export);
 * and the check of the tenant's chain, which tenant administrators and the provider may run.
 */
@Stateless
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class ActionLog {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    ReportReaders readers;

    @Inject
    SecurityContext security;

    @Inject
    MemberNames names;

    @Inject
    SecretCipher cipher;

    @Inject
    TenantContext tenants;

    @Inject
    Caller signedIn;

    @Inject
    MemberClock memberClock;

    @EJB
    SystemAudit audit;

    /** Every event of a report the caller may read, oldest first. */
    public List<LoggedAction> ofReport(UUID reportId) {
        ExpenseReport report = em.find(ExpenseReport.class, reportId);
        if (report == null || !readers.mayRead(report)) {
            throw new NotFoundException("report");
        }
        List<ActionLogEntry> entries = em.createNamedQuery(ActionLogEntry.OF_REPORT, ActionLogEntry.class)
                .setParameter("report", reportId).getResultList();
        Map<UUID, Integer> lineNos = report.getLines().stream()
                .collect(Collectors.toMap(ExpenseLine::getId, ExpenseLine::getLineNo));
        return named(entries, Map.of(reportId, report.getTitle()), lineNos);
    }

    /** The longest period one export covers. */
    public static final int MAX_DAYS = 366;

    /** The entries of a period, and the zone their days were counted in (the caller's). */
    public record Export(List<LoggedAction> entries, ZoneId zone) {
    }

    /**
     * Every event of the tenant on the days from {@code from} to {@code to} (both included, in
     * the caller's time zone), in order; for accounting and tenant administrators. A period is at
     * most {@value #MAX_DAYS} days.
     */
    public Export between(LocalDate from, LocalDate to) {
        if (!security.isCallerInRole(Role.ACCOUNTING.name()) && !security.isCallerInRole(Role.TENANT_ADMIN.name())) {
            throw new NotPermittedException("sapphire.action-log.export.not-permitted");
        }
        List<InputProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(InputProblem.of("from", "sapphire.action-log.from.required"));
        }
        if (to == null) {
            problems.add(InputProblem.of("to", "sapphire.action-log.to.required"));
        }
        if (from != null && to != null && (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to))) {
            problems.add(InputProblem.of("to", "sapphire.action-log.period", "days", MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ZoneId zone = memberClock.zone();
        return new Export(between(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()), zone);
    }

    private List<LoggedAction> between(Instant from, Instant to) {
        List<ActionLogEntry> entries = em.createNamedQuery(ActionLogEntry.BETWEEN, ActionLogEntry.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        List<UUID> reportIds = entries.stream().map(ActionLogEntry::getReportId).distinct().toList();
        Map<UUID, String> titles = reportIds.isEmpty() ? Map.of()
                : em.createQuery("SELECT r FROM ExpenseReport r WHERE r.id IN :ids", ExpenseReport.class)
                        .setParameter("ids", reportIds).getResultStream()
                        .collect(Collectors.toMap(ExpenseReport::getId, ExpenseReport::getTitle));
        List<UUID> lineIds = entries.stream().map(ActionLogEntry::getLineId).filter(id -> id != null).distinct().toList();
        Map<UUID, Integer> lineNos = lineIds.isEmpty() ? Map.of()
                : em.createQuery("SELECT l FROM ExpenseLine l WHERE l.id IN :ids", ExpenseLine.class)
                        .setParameter("ids", lineIds).getResultStream()
                        .collect(Collectors.toMap(ExpenseLine::getId, ExpenseLine::getLineNo));
        return named(entries, titles, lineNos);
    }

    /**
     * Checks the tenant's whole chain: numbers without gaps, each entry naming the previous hash,
     * each hash the MAC of its entry. The newest entry at the last successful check (kept in the
     * provider's system audit log, out of the tenant's and the application's reach) must still be
     * there unchanged, so removing the newest entries is detected too. Each check is recorded
     * there as the next check's starting point. Tenant administrators, or a provider job.
     */
    public Verification verify() {
        if (signedIn.member().isPresent() && !security.isCallerInRole(Role.TENANT_ADMIN.name())) {
            throw new NotPermittedException("sapphire.action-log.verify.not-permitted");
        }
        UUID tenant = tenants.currentTenant().orElseThrow();
        List<ActionLogEntry> entries = em.createQuery("SELECT a FROM ActionLogEntry a ORDER BY a.seq", ActionLogEntry.class)
                .getResultList();
        Verification verification = ActionChain.verify(tenant, entries, (keyId, content, mac) ->
                cipher.verifyMac(ActionChain.PURPOSE, new SecretCipher.Sealed(keyId, mac), content));
        if (verification.intact()) {
            verification = anchorHolds(tenant, entries);
        }
        String actor = signedIn.actor();
        if (verification.intact()) {
            ActionLogEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            audit.success(SystemEvent.ACTION_LOG_VERIFIED, tenant, actor,
                    last == null ? "seq=0" : "seq=" + last.getSeq() + " hash=" + last.getHash());
        } else {
            audit.failure(SystemEvent.ACTION_LOG_VERIFIED, tenant, actor,
                    "broken at seq=" + verification.brokenAt() + " (" + verification.reason() + ")");
        }
        return verification;
    }

    /** Whether the newest entry of the last successful check is still there with the same hash. */
    private Verification anchorHolds(UUID tenant, List<ActionLogEntry> entries) {
        Optional<String[]> anchor = audit.last(tenant, SystemEvent.ACTION_LOG_VERIFIED)
                .map(entry -> entry.getDetail().split(" "))
                .filter(parts -> parts.length == 2);
        if (anchor.isEmpty()) {
            return new Verification(entries.size(), null, null);
        }
        long seq = Long.parseLong(anchor.get()[0].substring("seq=".length()));
        String hash = anchor.get()[1].substring("hash=".length());
        boolean holds = entries.size() >= seq && entries.get((int) seq - 1).getHash().equals(hash);
        return holds ? new Verification(entries.size(), null, null) : new Verification(entries.size(), seq, "truncated");
    }

    private List<LoggedAction> named(List<ActionLogEntry> entries, Map<UUID, String> titles, Map<UUID, Integer> lineNos) {
        Map<UUID, String> people = names.of(entries.stream()
                .flatMap(entry -> Stream.of(entry.getActorId(), entry.getOnBehalfOfId())).toList());
        return entries.stream().map(entry -> new LoggedAction(entry, people.get(entry.getActorId()),
                people.get(entry.getOnBehalfOfId()), titles.get(entry.getReportId()),
                entry.getLineId() == null ? null : lineNos.get(entry.getLineId()))).toList();
    }
}
