package jp.sapphire.actionlog.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.sapphire.actionlog.control.ActionChain.Verification;
import jp.sapphire.actionlog.control.ActionChain;
import jp.sapphire.actionlog.control.ActionLogCsv;
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

    /** Entries read from the database at a time: a chain or an export of any length is never all in memory. */
    static final int PAGE = 500;

    /** A period to export: its days, the zone they were counted in (the caller's) and the instants they span. */
    public record Export(LocalDate from, LocalDate to, ZoneId zone, Instant start, Instant end) {
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
        return new Export(from, to, zone, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Writes the entries of a period (checked by {@link #between}) as CSV, page by page, so that a
     * year of a large tenant's log streams out without being held in memory.
     */
    public void writeCsv(Export export, Locale locale, Writer out) throws IOException {
        between(export.from(), export.to());
        ActionLogCsv.header(export.zone(), locale, out);
        long after = 0;
        while (true) {
            List<ActionLogEntry> page = em.createNamedQuery(ActionLogEntry.BETWEEN, ActionLogEntry.class)
                    .setParameter("from", export.start()).setParameter("to", export.end()).setParameter("after", after)
                    .setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            ActionLogCsv.rows(named(page), export.zone(), locale, out);
            after = page.get(page.size() - 1).getSeq();
            em.clear();
        }
        out.flush();
    }

    private List<LoggedAction> named(List<ActionLogEntry> entries) {
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
        Optional<String[]> anchor = audit.last(tenant, SystemEvent.ACTION_LOG_VERIFIED)
                .map(entry -> entry.getDetail().split(" "))
                .filter(parts -> parts.length == 2);
        long anchorSeq = anchor.map(parts -> Long.parseLong(parts[0].substring("seq=".length()))).orElse(0L);
        ActionChain.Walk walk = new ActionChain.Walk(tenant, (keyId, content, mac) ->
                cipher.verifyMac(ActionChain.PURPOSE, new SecretCipher.Sealed(keyId, mac), content));
        String anchorHashNow = null;
        long lastSeq = 0;
        String lastHash = null;
        while (true) {
            List<ActionLogEntry> page = em.createNamedQuery(ActionLogEntry.AFTER, ActionLogEntry.class)
                    .setParameter("after", lastSeq).setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (ActionLogEntry entry : page) {
                walk.next(entry);
                if (entry.getSeq() == anchorSeq) {
                    anchorHashNow = entry.getHash();
                }
                lastSeq = entry.getSeq();
                lastHash = entry.getHash();
            }
            em.clear();
        }
        Verification verification = walk.result();
        // The newest entry of the last successful check must still be there, unchanged: removing the newest entries shows.
        if (verification.intact() && anchor.isPresent() && !anchor.get()[1].substring("hash=".length()).equals(anchorHashNow)) {
            verification = new Verification(verification.entries(), anchorSeq, "truncated");
        }
        String actor = signedIn.actor();
        if (verification.intact()) {
            audit.success(SystemEvent.ACTION_LOG_VERIFIED, tenant, actor,
                    lastHash == null ? "seq=0" : "seq=" + lastSeq + " hash=" + lastHash);
        } else {
            audit.failure(SystemEvent.ACTION_LOG_VERIFIED, tenant, actor,
                    "broken at seq=" + verification.brokenAt() + " (" + verification.reason() + ")");
        }
        return verification;
    }

    private List<LoggedAction> named(List<ActionLogEntry> entries, Map<UUID, String> titles, Map<UUID, Integer> lineNos) {
        Map<UUID, String> people = names.of(entries.stream()
                .flatMap(entry -> Stream.of(entry.getActorId(), entry.getOnBehalfOfId())).toList());
        return entries.stream().map(entry -> new LoggedAction(entry, people.get(entry.getActorId()),
                people.get(entry.getOnBehalfOfId()), titles.get(entry.getReportId()),
                entry.getLineId() == null ? null : lineNos.get(entry.getLineId()))).toList();
    }
}
