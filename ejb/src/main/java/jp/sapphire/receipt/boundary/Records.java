package jp.sapphire.receipt.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.expense.entity.ExpenseReport;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.CsvHeaders;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Like;
import jp.sapphire.platform.control.Page;
import jp.sapphire.receipt.control.DataVault;
import jp.sapphire.receipt.entity.Receipt;
import jp.sapphire.receipt.entity.ReceiptContent;
import jp.sapphire.tenant.control.TenantContext;

/**
 * The 電子帳簿保存法 search (検索要件): every line of every report ever submitted in the tenant,
 * found by 取引年月日 (the day of the expense), 金額 (its amount in yen) and 取引先 (the payee), in
 * any combination, ranges inclusive at both ends; each with every version of its receipt (upload
 * time, SHA-256). For accounting and tenant administrators; docs/DENCHOHO.md.
 */
@Stateless
@RolesAllowed({"ACCOUNTING", "TENANT_ADMIN"})
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class Records {

    /** The most lines one page shows; the CSV export takes up to {@link #MAX_EXPORT}. */
    public static final int MAX_PAGE = 200;
    public static final int MAX_EXPORT = 10_000;

    /** What to look for; every part optional, the ranges inclusive. */
    public record Filter(LocalDate from, LocalDate to, Long minYen, Long maxYen, String payee) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** A line found, with its report, applicant and every version of its receipt, oldest first. */
    public record Found(ExpenseLine line, ExpenseReport report, String applicant, List<Receipt> receipts) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    DataVault vault;

    @Inject
    TenantContext tenants;

    /** Lines in the order of their day, then amount. */
    public Page<Found> search(Filter filter, int page, int size) {
        Search search = search(filter);
        TypedQuery<Object[]> query = em.createQuery("SELECT l, r, m" + search.where()
                + " ORDER BY l.spentOn, l.amountYen, r.id, l.lineNo", Object[].class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(l)" + search.where(), Long.class);
        search.parameters().forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        int pageSize = Math.max(1, Math.min(size, MAX_EXPORT));
        List<Object[]> rows = query.setFirstResult(Math.max(0, page) * pageSize).setMaxResults(pageSize).getResultList();
        Map<UUID, List<Receipt>> receipts = receiptsOf(rows.stream().map(row -> ((ExpenseLine) row[0]).getId()).toList());
        List<Found> found = rows.stream().map(row -> {
            ExpenseLine line = (ExpenseLine) row[0];
            return new Found(line, (ExpenseReport) row[1], ((Member) row[2]).getDisplayName(),
                    receipts.getOrDefault(line.getId(), List.of()));
        }).toList();
        return new Page<>(found, count.getSingleResult(), page, pageSize);
    }

    /** What the search finds, as CSV (a row per receipt version; a line without a receipt has one row), up to {@link #MAX_EXPORT} lines. */
    public byte[] export(Filter filter, Charset charset, Locale locale) {
        return Csv.document(charset, CsvHeaders.of("records", locale), rows(search(filter, 0, MAX_EXPORT).items()));
    }

    /**
     * Every record of the tenant and every version of every receipt, as a ZIP for the tenant's own
     * keeping (before it asks for deletion at contract end): {@code records.csv} (UTF-8, as the
     * search exports it) and {@code receipts/DAY_LINE_vN_FILENAME}. Written page by page, one
     * receipt in memory at a time.
     */
    @RolesAllowed("TENANT_ADMIN")
    public void archive(OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            List<List<String>> rows = new ArrayList<>();
            List<Found> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                List<Found> found = search(Filter.none(), page, MAX_PAGE).items();
                all.addAll(found);
                rows.addAll(rows(found));
                if (found.size() < MAX_PAGE) {
                    break;
                }
            }
            zip.putNextEntry(new ZipEntry("records.csv"));
            // The archive's records.csv keeps one header whoever asks: a file kept for years reads the same.
            zip.write(Csv.document(StandardCharsets.UTF_8, CsvHeaders.of("records", Locale.JAPANESE), rows));
            zip.closeEntry();
            UUID tenant = tenants.currentTenant().orElseThrow();
            for (Found found : all) {
                for (Receipt receipt : found.receipts()) {
                    ReceiptContent content = em.find(ReceiptContent.class, receipt.getId());
                    zip.putNextEntry(new ZipEntry("receipts/" + found.line().getSpentOn() + "_" + found.line().getId() + "_v"
                            + receipt.getVersionNo() + "_" + receipt.getFilename().replaceAll("[/\\\\:]", "_")));
                    zip.write(vault.unlock(tenant, DataVault.Kind.RECEIPT, receipt.getId(), receipt.getDataKeyId(),
                            content.getContent()));
                    zip.closeEntry();
                    em.detach(content);
                }
            }
        }
    }

    /** The CSV rows of lines found: one per receipt version, one for a line without a receipt. */
    private static List<List<String>> rows(List<Found> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (Found found : lines) {
            ExpenseLine line = found.line();
            List<String> facts = List.of(line.getSpentOn().toString(), Long.toString(line.getAmountYen()), text(line.getPayee()),
                    text(line.getInvoiceNumber()), line.getCategory().getCode() + " " + line.getCategory().getName(),
                    found.report().getTitle(), found.applicant(), found.report().getStatus().name(),
                    Integer.toString(line.getLineNo()));
            if (found.receipts().isEmpty()) {
                rows.add(concat(facts, List.of("", "", "")));
            }
            for (Receipt receipt : found.receipts()) {
                rows.add(concat(facts, List.of(receipt.getVersionNo() + ": " + receipt.getFilename(),
                        receipt.getUploadedAt().toString(), receipt.getSha256())));
            }
        }
        return rows;
    }

    private record Search(String where, Map<String, Object> parameters) {
    }

    private static Search search(Filter filter) {
        List<InputProblem> problems = new ArrayList<>();
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            problems.add(InputProblem.of("to", "sapphire.records.date.range"));
        }
        if (filter.minYen() != null && filter.minYen() < 0) {
            problems.add(InputProblem.of("minYen", "sapphire.records.amount.negative"));
        }
        if (filter.maxYen() != null && filter.maxYen() < 0) {
            problems.add(InputProblem.of("maxYen", "sapphire.records.amount.negative"));
        }
        if (filter.minYen() != null && filter.maxYen() != null && filter.minYen() > filter.maxYen()) {
            problems.add(InputProblem.of("maxYen", "sapphire.records.amount.range"));
        }
        if (filter.payee() != null && filter.payee().strip().length() > 100) {
            problems.add(InputProblem.of("payee", "sapphire.records.payee.size", "max", 100));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StringBuilder where = new StringBuilder(" FROM ExpenseLine l, ExpenseReport r, Member m WHERE r.id = l.report.id"
                + " AND m.id = r.ownerId AND r.submittedAt IS NOT NULL");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.from() != null) {
            where.append(" AND l.spentOn >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND l.spentOn <= :to");
            parameters.put("to", filter.to());
        }
        if (filter.minYen() != null) {
            where.append(" AND l.amountYen >= :min");
            parameters.put("min", filter.minYen());
        }
        if (filter.maxYen() != null) {
            where.append(" AND l.amountYen <= :max");
            parameters.put("max", filter.maxYen());
        }
        if (filter.payee() != null && !filter.payee().isBlank()) {
            where.append(" AND LOWER(l.payee) LIKE :payee ESCAPE '\\'");
            parameters.put("payee", Like.containing(filter.payee()));
        }
        return new Search(where.toString(), parameters);
    }

    private Map<UUID, List<Receipt>> receiptsOf(List<UUID> lines) {
        if (lines.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT r FROM Receipt r WHERE r.lineId IN :lines ORDER BY r.versionNo", Receipt.class)
                .setParameter("lines", lines).getResultStream().collect(Collectors.groupingBy(Receipt::getLineId));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
