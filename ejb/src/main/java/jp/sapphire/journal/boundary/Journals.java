package jp.sapphire.journal.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.expense.control.InvoiceRules.Treatment;
import jp.sapphire.expense.control.LineInvoices;
import jp.sapphire.expense.entity.CategoryAccounting;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.journal.control.Journal.Booking;
import jp.sapphire.journal.control.Journal.Item;
import jp.sapphire.journal.control.Journal.Slip;
import jp.sapphire.journal.control.JournalEntries;
import jp.sapphire.journal.control.JournalFile;
import jp.sapphire.journal.control.JournalMasters;
import jp.sapphire.journal.entity.JournalSettings;
import jp.sapphire.journal.entity.JournalSettings.DepartmentAs;
import jp.sapphire.journal.entity.Software;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.payment.entity.BatchStatus;
import jp.sapphire.payment.entity.PaymentBatch;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Csv;

/**
 * Journal exports (仕訳の出力) for the tenant's accounting software: for a period, by the day reports
 * were approved (the expense and 未払金) or paid (未払金 and 普通預金), or for one payment batch
 * (its reports' approval entries, and their payment once the batch is paid). Days are the caller's;
 * amounts and tax are the lines' own, with each line's invoice treatment. ACCOUNTING; the admin
 * console's preview of the first rows for tenant administrators too. docs/JOURNALS.md.
 */
@Stateless
@RolesAllowed("ACCOUNTING")
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class Journals {

    /** The longest period one file covers, and the most reports it books. */
    public static final int MAX_DAYS = 366;
    public static final int MAX_REPORTS = 5_000;
    /** The reports and rows the console's preview shows. */
    static final int PREVIEW_REPORTS = 5;
    static final int PREVIEW_ROWS = 10;

    /** Which entry a period's file holds: the approval's, or the payment's. */
    public enum Basis {
        APPROVED,
        PAID
    }

    /** A journal file: its bytes, charset, a name to save it under, and how many slips it holds. */
    public record Export(byte[] content, Charset charset, String filename, int slips) {
    }

    /** The first rows of a file, as the console shows them. */
    public record Preview(List<String> header, List<List<String>> rows) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    JournalMasters masters;

    @Inject
    LineInvoices invoices;

    @Inject
    MemberClock memberClock;

    /** The entries of one basis for the days {@code from} to {@code to}, both included. */
    public Export period(Software software, Basis basis, LocalDate from, LocalDate to, String charset) {
        List<InputProblem> problems = new ArrayList<>();
        if (software == null) {
            problems.add(InputProblem.of("format", "sapphire.journal.format.required"));
        }
        if (basis == null) {
            problems.add(InputProblem.of("basis", "sapphire.journal.basis.required"));
        }
        if (from == null) {
            problems.add(InputProblem.of("from", "sapphire.journal.from.required"));
        }
        if (to == null) {
            problems.add(InputProblem.of("to", "sapphire.journal.to.required"));
        } else if (from != null && from.isAfter(to)) {
            problems.add(InputProblem.of("to", "sapphire.records.date.range"));
        } else if (from != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            problems.add(InputProblem.of("to", "sapphire.journal.period.size", "max", MAX_DAYS));
        }
        Charset encoding = software == null ? null : charset(software, charset, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ZoneId zone = memberClock.zone();
        JournalEntries entries = new JournalEntries(JournalMasters.entriesOf(masters.settings()));
        if (basis == Basis.APPROVED) {
            List<ExpenseReport> reports = limited(em.createQuery("SELECT r FROM ExpenseReport r WHERE r.approvedAt >= :from"
                            + " AND r.approvedAt < :to AND r.status IN :statuses ORDER BY r.approvedAt, r.id", ExpenseReport.class)
                    .setParameter("from", from.atStartOfDay(zone).toInstant())
                    .setParameter("to", to.plusDays(1).atStartOfDay(zone).toInstant())
                    .setParameter("statuses", List.of(ReportStatus.APPROVED, ReportStatus.PAID))
                    .setMaxResults(MAX_REPORTS + 1).getResultList());
            entries.accrued(bookings(reports, Map.of()));
        } else {
            Map<UUID, LocalDate> paidOn = paidBetween(from, to, zone);
            List<ExpenseReport> reports = limited(reports(paidOn.keySet()));
            entries.paid(bookings(reports, paidOn).stream()
                    .sorted(Comparator.comparing(Booking::paidOn).thenComparing(Booking::reportId)).toList());
        }
        return export(software, entries.slips(), encoding, software.name().toLowerCase(Locale.ROOT) + "-"
                + basis.name().toLowerCase(Locale.ROOT) + "-" + from + "_" + to);
    }

    /** A batch's file: the approval entries of its reports, and their payment entries once it is paid. */
    public Export batch(UUID batchId, Software software, String charset) {
        List<InputProblem> problems = new ArrayList<>();
        if (software == null) {
            problems.add(InputProblem.of("format", "sapphire.journal.format.required"));
        }
        Charset encoding = software == null ? null : charset(software, charset, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PaymentBatch batch = batchId == null ? null : em.find(PaymentBatch.class, batchId);
        if (batch == null) {
            throw new NotFoundException("payment batch");
        }
        List<UUID> ids = em.createQuery("SELECT i.reportId FROM PaymentBatchItem i WHERE i.batchId = :batch"
                + " AND i.released = false", UUID.class).setParameter("batch", batchId).getResultList();
        Map<UUID, LocalDate> paidOn = batch.getStatus() == BatchStatus.PAID
                ? ids.stream().collect(Collectors.toMap(Function.identity(), id -> batch.getTransferDate())) : Map.of();
        List<Booking> bookings = bookings(reports(ids), paidOn).stream()
                .sorted(Comparator.comparing(Booking::approvedOn).thenComparing(Booking::reportId)).toList();
        JournalEntries entries = new JournalEntries(JournalMasters.entriesOf(masters.settings())).accrued(bookings).paid(bookings);
        return export(software, entries.slips(), encoding, software.name().toLowerCase(Locale.ROOT) + "-batch-"
                + batch.getTransferDate());
    }

    /** The first rows of the approval entries of the most recently approved reports, as the software's file would have them. */
    @RolesAllowed({"ACCOUNTING", "TENANT_ADMIN"})
    public Preview preview(Software software) {
        if (software == null) {
            throw new InvalidInputException(InputProblem.of("format", "sapphire.journal.format.required"));
        }
        List<ExpenseReport> recent = em.createQuery("SELECT r FROM ExpenseReport r WHERE r.status IN :statuses"
                        + " AND r.approvedAt IS NOT NULL ORDER BY r.approvedAt DESC, r.id", ExpenseReport.class)
                .setParameter("statuses", List.of(ReportStatus.APPROVED, ReportStatus.PAID))
                .setMaxResults(PREVIEW_REPORTS).getResultList();
        List<Slip> slips = new JournalEntries(JournalMasters.entriesOf(masters.settings()))
                .accrued(bookings(recent, Map.of())).slips();
        List<List<String>> rows = JournalFile.rows(software, slips, masters.taxNames());
        return new Preview(JournalFile.header(software), List.copyOf(rows.subList(0, Math.min(PREVIEW_ROWS, rows.size()))));
    }

    private Export export(Software software, List<Slip> slips, Charset charset, String name) {
        return new Export(JournalFile.write(software, slips, masters.taxNames(), charset), charset,
                "journal-" + name + ".csv", slips.size());
    }

    /** The charset asked for: freee takes UTF-8 or Shift_JIS, the others Shift_JIS only. */
    private static Charset charset(Software software, String asked, List<InputProblem> problems) {
        if (asked == null || asked.isBlank()) {
            return JournalFile.defaultCharset(software);
        }
        String name = asked.strip().toLowerCase(Locale.ROOT).replace("_", "-");
        if (name.equals("shift-jis") || name.equals("sjis")) {
            return Csv.SHIFT_JIS;
        }
        if (name.equals("utf-8") && software == Software.FREEE) {
            return StandardCharsets.UTF_8;
        }
        problems.add(InputProblem.of("charset", software == Software.FREEE ? "sapphire.journal.charset.freee"
                : "sapphire.journal.charset.sjis"));
        return null;
    }

    private static List<ExpenseReport> limited(List<ExpenseReport> reports) {
        if (reports.size() > MAX_REPORTS) {
            throw new InvalidInputException(InputProblem.of("from", "sapphire.journal.period.reports", "max", MAX_REPORTS));
        }
        return reports;
    }

    /** Reports paid on these days: with a paid batch, its transfer date; paid alone, the day it was marked paid. */
    private Map<UUID, LocalDate> paidBetween(LocalDate from, LocalDate to, ZoneId zone) {
        Map<UUID, LocalDate> paid = new HashMap<>();
        em.createQuery("SELECT i.reportId, b.transferDate FROM PaymentBatchItem i, PaymentBatch b WHERE b.id = i.batchId"
                        + " AND i.released = false AND b.status = :paid AND b.transferDate BETWEEN :from AND :to", Object[].class)
                .setParameter("paid", BatchStatus.PAID).setParameter("from", from).setParameter("to", to)
                .setMaxResults(MAX_REPORTS + 1).getResultStream()
                .forEach(row -> paid.put((UUID) row[0], (LocalDate) row[1]));
        em.createQuery("SELECT r.id, r.paidAt FROM ExpenseReport r WHERE r.status = :paid AND r.paidAt >= :from"
                        + " AND r.paidAt < :to AND NOT EXISTS (SELECT i FROM PaymentBatchItem i, PaymentBatch b"
                        + " WHERE i.reportId = r.id AND b.id = i.batchId AND i.released = false AND b.status = :batchPaid)",
                        Object[].class)
                .setParameter("paid", ReportStatus.PAID).setParameter("batchPaid", BatchStatus.PAID)
                .setParameter("from", from.atStartOfDay(zone).toInstant())
                .setParameter("to", to.plusDays(1).atStartOfDay(zone).toInstant())
                .setMaxResults(MAX_REPORTS + 1).getResultStream()
                .forEach(row -> paid.put((UUID) row[0], ((Instant) row[1]).atZone(zone).toLocalDate()));
        return paid;
    }

    private List<ExpenseReport> reports(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT r FROM ExpenseReport r WHERE r.id IN :ids ORDER BY r.approvedAt, r.id", ExpenseReport.class)
                .setParameter("ids", ids).getResultList();
    }

    /** The reports as the journal books them, with their applicants, 部門, projects and each line's account and treatment. */
    private List<Booking> bookings(List<ExpenseReport> reports, Map<UUID, LocalDate> paidOn) {
        if (reports.isEmpty()) {
            return List.of();
        }
        ZoneId zone = memberClock.zone();
        JournalSettings settings = masters.settings();
        Set<UUID> owners = reports.stream().map(ExpenseReport::getOwnerId).collect(Collectors.toSet());
        Map<UUID, Member> members = em.createQuery("SELECT m FROM Member m WHERE m.id IN :ids", Member.class)
                .setParameter("ids", owners).getResultStream().collect(Collectors.toMap(Member::getId, Function.identity()));
        Set<UUID> departmentIds = members.values().stream().map(Member::getDepartmentId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, Department> departments = departmentIds.isEmpty() ? Map.of()
                : em.createQuery("SELECT d FROM Department d WHERE d.id IN :ids", Department.class)
                .setParameter("ids", departmentIds).getResultStream()
                .collect(Collectors.toMap(Department::getId, Function.identity()));
        List<ExpenseLine> lines = reports.stream().flatMap(report -> report.getLines().stream()).toList();
        Map<UUID, Treatment> treatments = invoices.of(lines);
        Map<UUID, CategoryAccounting> accounts = masters.accounts();
        List<Booking> bookings = new ArrayList<>();
        for (ExpenseReport report : reports) {
            Member owner = members.get(report.getOwnerId());
            Department department = owner.getDepartmentId() == null ? null : departments.get(owner.getDepartmentId());
            List<Item> items = report.getLines().stream().map(line -> {
                Treatment treatment = treatments.get(line.getId());
                return new Item(JournalMasters.accountOf(line.getCategory(), accounts.get(line.getCategory().getId())),
                        line.getPayee(), line.getDescription(), line.getTaxClass(), treatment.status(),
                        treatment.deductiblePercent(), line.getAmountYen(), line.getTaxYen());
            }).toList();
            bookings.add(new Booking(report.getId(), report.getTitle(), owner.getDisplayName(),
                    department == null || settings.getDepartmentAs() == DepartmentAs.NONE ? null
                            : settings.getDepartmentAs() == DepartmentAs.CODE ? department.getCode() : department.getName(),
                    report.getProject() == null ? null : report.getProject().getName(),
                    report.getApprovedAt() == null ? null : report.getApprovedAt().atZone(zone).toLocalDate(),
                    paidOn.get(report.getId()), items));
        }
        return bookings;
    }
}
