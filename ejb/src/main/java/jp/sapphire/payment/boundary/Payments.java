package jp.sapphire.payment.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.approval.boundary.Approvals;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.control.MemberClock;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.payment.control.Account;
import jp.sapphire.payment.control.AccountVault;
import jp.sapphire.platform.control.BankDays;
import jp.sapphire.payment.control.OpenBatches;
import jp.sapphire.payment.control.ZenginFile;
import jp.sapphire.payment.entity.BatchStatus.Move;
import jp.sapphire.payment.entity.IllegalBatchMoveException;
import jp.sapphire.payment.entity.PayerSettings;
import jp.sapphire.payment.entity.PaymentBatch;
import jp.sapphire.payment.entity.PaymentBatchItem;
import jp.sapphire.platform.control.ConflictException;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.NotPermittedException;
import jp.sapphire.platform.control.Page;
import jp.sapphire.receipt.control.DataVault;
import jp.sapphire.receipt.control.Digests;
import jp.sapphire.tenant.control.TenantContext;

/**
 * What accounting (経理) does to pay approved reports: the list of what waits for payment, payment
 * batches (支払バッチ) of chosen reports with a transfer date (振込指定日, a bank day), the 全銀協
 * 総合振込 file for the bank, and the batch marked paid — every report of it PAID, with its
 * action-log entry, in one transaction. A report is in at most one open batch: the reports are
 * locked while a batch takes them, and the database refuses a second open batch for a report.
 * Nobody pays their own report.
 */
@Stateless
@RolesAllowed("ACCOUNTING")
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class Payments {

    /** The most reports one batch takes. */
    public static final int MAX_REPORTS = 500;

    /** Narrows the list of what waits for payment; every part is optional. Days in the caller's time zone. */
    public record PendingFilter(LocalDate approvedFrom, LocalDate approvedTo, UUID departmentId, Long minTotalYen,
                                Long maxTotalYen) {

        public static PendingFilter none() {
            return new PendingFilter(null, null, null, null, null);
        }
    }

    /** An approved report waiting for payment, with its applicant, their department and whether they have an account. */
    public record Unpaid(ExpenseReport report, String applicant, String department, boolean hasAccount) {
    }

    /** One payee of a batch: the employee, their account whole (null: none, the batch cannot be exported), their reports and the sum. */
    public record Payee(UUID memberId, String name, Account account, List<ExpenseReport> reports, long amountYen) {
    }

    /** A batch with its payees, as accounting builds and checks it. */
    public record Batch(PaymentBatch batch, List<Payee> payees, long totalYen, int reportCount) {
    }

    /** A batch in the list: how many reports, how much. */
    public record BatchSummary(PaymentBatch batch, int reportCount, long totalYen) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @EJB
    Approvals approvals;

    @Inject
    AccountVault accounts;

    @Inject
    OpenBatches openBatches;

    @Inject
    DataVault vault;

    @Inject
    TenantContext tenants;

    @Inject
    Caller caller;

    @Inject
    MemberClock memberClock;

    @Inject
    Clock clock;

    /** Approved reports no open batch holds, oldest approval first, with how many there are. */
    public Page<Unpaid> pending(PendingFilter filter, int page, int size) {
        ZoneId zone = memberClock.zone();
        StringBuilder where = new StringBuilder(" FROM ExpenseReport r, Member m WHERE m.id = r.ownerId AND r.status = :approved"
                + " AND NOT EXISTS (SELECT i FROM PaymentBatchItem i WHERE i.reportId = r.id AND i.released = false)");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("approved", ReportStatus.APPROVED);
        if (filter.approvedFrom() != null) {
            where.append(" AND r.approvedAt >= :from");
            parameters.put("from", filter.approvedFrom().atStartOfDay(zone).toInstant());
        }
        if (filter.approvedTo() != null) {
            where.append(" AND r.approvedAt < :to");
            parameters.put("to", filter.approvedTo().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.departmentId() != null) {
            where.append(" AND m.departmentId = :department");
            parameters.put("department", filter.departmentId());
        }
        if (filter.minTotalYen() != null) {
            where.append(" AND r.totalYen >= :min");
            parameters.put("min", filter.minTotalYen());
        }
        if (filter.maxTotalYen() != null) {
            where.append(" AND r.totalYen <= :max");
            parameters.put("max", filter.maxTotalYen());
        }
        TypedQuery<Object[]> query = em.createQuery("SELECT r, m" + where + " ORDER BY r.approvedAt, r.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r)" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        int pageSize = Math.max(1, Math.min(size, MAX_REPORTS));
        List<Object[]> rows = query.setFirstResult(Math.max(0, page) * pageSize).setMaxResults(pageSize).getResultList();
        List<Member> owners = rows.stream().map(row -> (Member) row[1]).toList();
        Set<UUID> withAccount = accounts.holders(owners.stream().map(Member::getId).toList());
        Map<UUID, String> departments = departmentNames(owners);
        List<Unpaid> items = rows.stream().map(row -> {
            Member owner = (Member) row[1];
            return new Unpaid((ExpenseReport) row[0], owner.getDisplayName(),
                    departments.get(owner.getDepartmentId()), withAccount.contains(owner.getId()));
        }).toList();
        return new Page<>(items, count.getSingleResult(), page, pageSize);
    }

    /** The tenant's batches, newest first. */
    public List<BatchSummary> batches() {
        List<PaymentBatch> batches = em.createNamedQuery(PaymentBatch.RECENT, PaymentBatch.class).setMaxResults(200)
                .getResultList();
        Map<UUID, List<ExpenseReport>> reports = reportsOf(batches.stream().map(PaymentBatch::getId).toList());
        return batches.stream().map(batch -> {
            List<ExpenseReport> in = reports.getOrDefault(batch.getId(), List.of());
            return new BatchSummary(batch, in.size(), in.stream().mapToLong(ExpenseReport::getTotalYen).sum());
        }).toList();
    }

    public Batch batch(UUID id) {
        return view(find(id));
    }

    /** A new batch of these reports, to be transferred on {@code transferDate}. */
    public Batch create(LocalDate transferDate, List<UUID> reportIds) {
        checkTransferDate(transferDate);
        PaymentBatch batch = new PaymentBatch(transferDate, caller.requireMember().memberId(), clock.instant());
        em.persist(batch);
        take(batch, reportIds);
        return saved(batch);
    }

    /** Adds reports to a draft batch. */
    public Batch add(UUID id, Long version, List<UUID> reportIds) {
        PaymentBatch batch = find(id, version);
        move(batch, Move.CHANGE_REPORTS);
        take(batch, reportIds);
        return saved(batch);
    }

    /** Takes a report out of a draft batch: it waits for payment again. */
    public Batch remove(UUID id, Long version, UUID reportId) {
        PaymentBatch batch = find(id, version);
        move(batch, Move.CHANGE_REPORTS);
        PaymentBatchItem item = items(batch).stream().filter(i -> i.getReportId().equals(reportId)).findFirst()
                .orElseThrow(() -> new NotFoundException("report"));
        item.release();
        return saved(batch);
    }

    /**
     * Makes the transfer file and locks the reports in the batch: every payee must have a valid
     * account (those without are named), every report must still be approved, the transfer date
     * still a bank day to come, and the payer set up.
     */
    public Batch export(UUID id, Long version) {
        PaymentBatch batch = find(id, version);
        move(batch, Move.EXPORT);
        checkTransferDate(batch.getTransferDate());
        PayerSettings payer = PayerSetup.current(em).orElseThrow(() -> new ConflictException("sapphire.payment.payer-missing"));
        Batch view = view(batch);
        if (view.payees().isEmpty()) {
            throw new ConflictException("sapphire.payment.batch.empty");
        }
        for (Payee payee : view.payees()) {
            for (ExpenseReport report : payee.reports()) {
                if (report.getStatus() != ReportStatus.APPROVED) {
                    throw new ConflictException("sapphire.payment.not-approved", Map.of("title", report.getTitle()));
                }
            }
        }
        refuseWithoutAccounts(view.payees().stream().filter(p -> p.account() == null).map(Payee::name).toList());
        byte[] file = ZenginFile.write(new ZenginFile.Payer(payer.getRequesterCode(), payer.getRequesterName(),
                        payer.getBankCode(), payer.getBankName(), payer.getBranchCode(), payer.getBranchName(),
                        payer.getAccountType(), payer.getAccountNumber()), batch.getTransferDate(),
                view.payees().stream().map(p -> new ZenginFile.Transfer(p.account(), p.amountYen())).toList(),
                payer.isLineBreaks());
        DataVault.Locked locked = vault.lock(tenant(), DataVault.Kind.PAYMENT_FILE, batch.getId(), file);
        guard(() -> batch.exported(locked.dataKeyId(), locked.content(), Digests.sha256(file),
                caller.requireMember().memberId(), clock.instant()));
        // The view made for the file holds the batch itself: written, it carries the new version.
        em.flush();
        return view;
    }

    /** The transfer file of an exported (or paid) batch: the same bytes at every download. */
    public byte[] file(UUID id) {
        PaymentBatch batch = find(id);
        move(batch, Move.DOWNLOAD);
        return vault.unlock(tenant(), DataVault.Kind.PAYMENT_FILE, batch.getId(), batch.getDataKeyId(), batch.getFileContent());
    }

    /** The bank has made the transfers: the batch and every report in it are paid, in one transaction. */
    public Batch markPaid(UUID id, Long version) {
        PaymentBatch batch = find(id, version);
        guard(() -> batch.paid(caller.requireMember().memberId(), clock.instant()));
        // Written first, so that the reports are no longer held by an open batch when each is paid.
        em.flush();
        for (PaymentBatchItem item : items(batch)) {
            approvals.markPaid(item.getReportId(), null);
        }
        return saved(batch);
    }

    /** Cancels a draft or exported batch: its reports wait for payment again. */
    public Batch cancel(UUID id, Long version) {
        PaymentBatch batch = find(id, version);
        guard(() -> batch.cancelled(caller.requireMember().memberId(), clock.instant()));
        items(batch).forEach(PaymentBatchItem::release);
        return saved(batch);
    }

    // ----- the parts

    private void take(PaymentBatch batch, List<UUID> reportIds) {
        if (reportIds == null || reportIds.isEmpty() || reportIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException(InputProblem.of("reportIds", "sapphire.payment.reports.size", "max", MAX_REPORTS));
        }
        Set<UUID> ids = new LinkedHashSet<>(reportIds);
        List<PaymentBatchItem> existing = items(batch);
        if (existing.size() + ids.size() > MAX_REPORTS) {
            throw new InvalidInputException(InputProblem.of("reportIds", "sapphire.payment.reports.size", "max", MAX_REPORTS));
        }
        UUID me = caller.requireMember().memberId();
        List<ExpenseReport> reports = new ArrayList<>();
        // In id order, so that two accountants taking the same reports wait for each other instead of deadlocking.
        for (UUID reportId : ids.stream().sorted().toList()) {
            ExpenseReport report = em.find(ExpenseReport.class, reportId, LockModeType.PESSIMISTIC_WRITE);
            if (report == null) {
                throw new NotFoundException("report");
            }
            if (report.getOwnerId().equals(me)) {
                throw new NotPermittedException("sapphire.approval.pay.own-report");
            }
            if (report.getStatus() != ReportStatus.APPROVED) {
                throw new ConflictException("sapphire.payment.not-approved", Map.of("title", report.getTitle()));
            }
            reports.add(report);
        }
        List<UUID> held = openBatches.held(ids);
        if (!held.isEmpty()) {
            String titles = reports.stream().filter(r -> held.contains(r.getId())).map(ExpenseReport::getTitle)
                    .collect(Collectors.joining("、"));
            throw new ConflictException("sapphire.payment.in-batch", Map.of("title", titles));
        }
        Set<UUID> owners = reports.stream().map(ExpenseReport::getOwnerId).collect(Collectors.toSet());
        Set<UUID> withAccount = accounts.holders(owners);
        refuseWithoutAccounts(em.createQuery("SELECT m FROM Member m WHERE m.id IN :ids ORDER BY m.displayName", Member.class)
                .setParameter("ids", owners).getResultStream().filter(m -> !withAccount.contains(m.getId()))
                .map(Member::getDisplayName).toList());
        reports.forEach(report -> em.persist(new PaymentBatchItem(batch.getId(), report.getId())));
    }

    private static void refuseWithoutAccounts(List<String> names) {
        if (!names.isEmpty()) {
            throw new InvalidInputException(names.stream()
                    .map(name -> InputProblem.of("reportIds", "sapphire.payment.no-account", "name", name)).toList());
        }
    }

    private void checkTransferDate(LocalDate day) {
        if (day == null) {
            throw new InvalidInputException(InputProblem.of("transferDate", "sapphire.payment.transfer-date.required"));
        }
        if (!day.isAfter(memberClock.today())) {
            throw new InvalidInputException(InputProblem.of("transferDate", "sapphire.payment.transfer-date.future"));
        }
        if (!BankDays.isBankDay(day)) {
            throw new InvalidInputException(InputProblem.of("transferDate", "sapphire.payment.transfer-date.bank-day",
                    "next", BankDays.onOrAfter(day).toString()));
        }
    }

    /** The batch as it is now written, with the version its next change must name. */
    private Batch saved(PaymentBatch batch) {
        em.flush();
        return view(batch);
    }

    private Batch view(PaymentBatch batch) {
        List<ExpenseReport> reports = reportsOf(List.of(batch.getId())).getOrDefault(batch.getId(), List.of());
        Set<UUID> owners = reports.stream().map(ExpenseReport::getOwnerId).collect(Collectors.toSet());
        Map<UUID, Account> opened = accounts.opened(owners);
        Map<UUID, Member> members = owners.isEmpty() ? Map.of()
                : em.createQuery("SELECT m FROM Member m WHERE m.id IN :ids", Member.class).setParameter("ids", owners)
                .getResultStream().collect(Collectors.toMap(Member::getId, Function.identity()));
        Map<UUID, List<ExpenseReport>> byOwner = reports.stream().collect(Collectors.groupingBy(ExpenseReport::getOwnerId));
        List<Payee> payees = byOwner.entrySet().stream().map(entry -> new Payee(entry.getKey(),
                        members.get(entry.getKey()).getDisplayName(), opened.get(entry.getKey()),
                        entry.getValue().stream().sorted(Comparator.comparing(ExpenseReport::getApprovedAt,
                                Comparator.nullsFirst(Comparator.naturalOrder()))).toList(),
                        entry.getValue().stream().mapToLong(ExpenseReport::getTotalYen).sum()))
                .sorted(Comparator.comparing(Payee::name).thenComparing(Payee::memberId)).toList();
        return new Batch(batch, payees, payees.stream().mapToLong(Payee::amountYen).sum(), reports.size());
    }

    /** The reports of each batch: the ones it holds, or paid with it; those released from it are no longer its. */
    private Map<UUID, List<ExpenseReport>> reportsOf(List<UUID> batches) {
        if (batches.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT i.batchId, r FROM PaymentBatchItem i, ExpenseReport r WHERE r.id = i.reportId"
                        + " AND i.batchId IN :batches AND i.released = false", Object[].class)
                .setParameter("batches", batches).getResultStream()
                .collect(Collectors.groupingBy(row -> (UUID) row[0], Collectors.mapping(row -> (ExpenseReport) row[1],
                        Collectors.toList())));
    }

    private List<PaymentBatchItem> items(PaymentBatch batch) {
        return em.createQuery("SELECT i FROM PaymentBatchItem i WHERE i.batchId = :batch AND i.released = false",
                PaymentBatchItem.class).setParameter("batch", batch.getId()).getResultList();
    }

    private Map<UUID, String> departmentNames(List<Member> members) {
        Set<UUID> ids = members.stream().map(Member::getDepartmentId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT d FROM Department d WHERE d.id IN :ids", Department.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Department::getId, Department::getName));
    }

    private PaymentBatch find(UUID id) {
        PaymentBatch batch = id == null ? null : em.find(PaymentBatch.class, id);
        if (batch == null) {
            throw new NotFoundException("payment batch");
        }
        return batch;
    }

    private PaymentBatch find(UUID id, Long version) {
        PaymentBatch batch = find(id);
        if (version != null && batch.getVersion() != version) {
            throw new ConflictException("sapphire.payment.batch.changed");
        }
        return batch;
    }

    private static void move(PaymentBatch batch, Move move) {
        guard(() -> batch.require(move));
    }

    /** A move the batch's state does not allow, refused in words. */
    private static void guard(Runnable move) {
        try {
            move.run();
        } catch (IllegalBatchMoveException refused) {
            throw new ConflictException("sapphire.payment.batch.state", Map.of("status", refused.status().name()));
        }
    }

    private UUID tenant() {
        return tenants.currentTenant().orElseThrow();
    }
}
