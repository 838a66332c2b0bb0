package jp.sapphire.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.sapphire.admin.entity.PrivilegedActivity;
import jp.sapphire.expense.entity.CategoryKind;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.tenant.control.TenantContext;

/**
 * The tenant's masters as CSV for its administrators; today the expense categories (勘定科目).
 * Export in UTF-8 (with a byte order mark, for Excel) or Shift_JIS. Import is all or nothing: every
 * row is checked first, and one bad row means nothing is imported and every bad row is named.
 */
@Stateless
@RolesAllowed("TENANT_ADMIN")
public class Masters {

    /** The columns, in order; the header row may name them in Japanese or by these keys. */
    public static final List<String> CATEGORY_COLUMNS = List.of("code", "name", "kind", "taxClass", "active");
    static final List<String> CATEGORY_HEADER = List.of("コード", "名称", "種類", "既定の税区分", "有効");
    /** The largest file accepted. */
    public static final int MAX_BYTES = 1 << 20;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    private final Clock clock = Clock.systemUTC();

    /** Every category, the inactive ones too, by code. */
    public List<ExpenseCategory> categories() {
        return em.createQuery("SELECT c FROM ExpenseCategory c ORDER BY c.code", ExpenseCategory.class).getResultList();
    }

    public byte[] exportCategories(Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, charset)) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
            }
            Csv.line(out, CATEGORY_HEADER);
            for (ExpenseCategory category : categories()) {
                Csv.line(out, List.of(category.getCode(), category.getName(), category.getKind().name(),
                        category.getDefaultTaxClass().name(), Boolean.toString(category.isActive())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What an import did. */
    public record Imported(int added, int changed) {
    }

    /** Adds and changes categories by code from a CSV file; refuses the whole file if any row is wrong. */
    public Imported importCategories(byte[] content, Charset charset) {
        if (content == null || content.length == 0) {
            throw refused("file", "sapphire.csv.empty");
        }
        if (content.length > MAX_BYTES) {
            throw refused("file", "sapphire.csv.too-large");
        }
        List<List<String>> rows;
        try {
            rows = Csv.parse(Csv.decode(content, charset));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(List.of(InputProblem.of("file", "sapphire.csv.encoding", "charset",
                    charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "Shift_JIS")));
        }
        if (rows.isEmpty() || !(rows.get(0).equals(CATEGORY_HEADER) || rows.get(0).equals(CATEGORY_COLUMNS))) {
            throw refused("file", "sapphire.csv.header");
        }
        List<InputProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<List<String>> good = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i).stream().map(String::strip).map(Csv::unneutralised).toList();
            String line = "row " + (i + 1);
            int before = problems.size();
            if (row.size() != CATEGORY_COLUMNS.size()) {
                problems.add(InputProblem.of(line, "sapphire.csv.columns", "count", CATEGORY_COLUMNS.size()));
                continue;
            }
            if (!row.get(0).matches("[A-Za-z0-9_-]{1,20}")) {
                problems.add(InputProblem.of(line, "sapphire.csv.category.code"));
            } else if (!seen.add(row.get(0))) {
                problems.add(InputProblem.of(line, "sapphire.csv.category.duplicate", "code", row.get(0)));
            }
            if (row.get(1).isEmpty() || row.get(1).length() > 100) {
                problems.add(InputProblem.of(line, "sapphire.csv.category.name"));
            }
            if (!names(CategoryKind.values()).contains(row.get(2))) {
                problems.add(InputProblem.of(line, "sapphire.csv.category.kind", "value", row.get(2)));
            }
            if (!names(TaxClass.values()).contains(row.get(3))) {
                problems.add(InputProblem.of(line, "sapphire.csv.category.tax", "value", row.get(3)));
            }
            if (!List.of("true", "false").contains(row.get(4).toLowerCase(Locale.ROOT))) {
                problems.add(InputProblem.of(line, "sapphire.csv.category.active", "value", row.get(4)));
            }
            if (problems.size() == before) {
                good.add(row);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, ExpenseCategory> existing = new HashMap<>();
        categories().forEach(category -> existing.put(category.getCode(), category));
        int added = 0;
        int changed = 0;
        for (List<String> row : good) {
            CategoryKind kind = CategoryKind.valueOf(row.get(2));
            TaxClass tax = TaxClass.valueOf(row.get(3));
            boolean active = Boolean.parseBoolean(row.get(4).toLowerCase(Locale.ROOT));
            ExpenseCategory category = existing.get(row.get(0));
            if (category == null) {
                ExpenseCategory created = new ExpenseCategory(row.get(0), row.get(1), kind, tax);
                created.setActive(active);
                em.persist(created);
                added++;
            } else if (!category.getName().equals(row.get(1)) || category.getKind() != kind
                    || category.getDefaultTaxClass() != tax || category.isActive() != active) {
                category.update(row.get(1), kind, tax, active);
                changed++;
            }
        }
        SapphirePrincipal me = tenants.requireCaller();
        em.persist(new PrivilegedActivity(clock.instant(), me.memberId(), me.displayName(), "CATEGORIES_IMPORTED",
                "expense categories (CSV)", null, added + " added, " + changed + " changed"));
        return new Imported(added, changed);
    }

    private static InvalidInputException refused(String field, String key) {
        return new InvalidInputException(List.of(InputProblem.of(field, key)));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
