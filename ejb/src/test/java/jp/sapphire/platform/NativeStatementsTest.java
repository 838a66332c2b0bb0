package jp.sapphire.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SQL statement SAPPHIRE writes by hand names the tenant it touches (docs/SCALING.md): a
 * sharded database routes a query to one tenant's shard only by {@code tenant_id = ?}, and row-level
 * security, which filters, does not route. JPQL gets the condition from EclipseLink's tenant
 * discriminator; this reads the native statements in the sources — each
 * {@code createNativeQuery(...)} and {@code prepareStatement(...)} — and requires {@code tenant_id}
 * (or a function given the tenant) in every one that reads or writes a tenant's table, apart from
 * the provider's few scans across tenants listed in {@link #ACROSS_TENANTS}, each of which the
 * scaling document names.
 */
class NativeStatementsTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../persistence/src/main/java"),
            Path.of("../web/ui/src/main/java"), Path.of("../web/api/src/main/java"));
    private static final Path ENTITIES = Path.of("../persistence/src/main/java");

    /** File name → tables it scans across tenants on purpose (the batch server's outbox and facts). */
    private static final Map<String, Set<String>> ACROSS_TENANTS = Map.of(
            "MailSender.java", Set.of("mail_outbox"),
            "FactCollector.java", Set.of("mail_outbox"));

    /** Files whose statements are built from the catalog of tenant tables, each with the tenant as a parameter or all of them for a backup. */
    private static final Set<String> GENERATED = Set.of("TenantTables.java", "BackupDatabase.java");

    /** Functions of the schema that take the tenant as an argument and filter by it inside. */
    private static final Set<String> TENANT_FUNCTIONS = Set.of("api_caller", "tenant_usage", "tenant_reports_per_month");

    private static final Pattern CALL = Pattern.compile("(?:createNativeQuery|prepareStatement)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("\\b(?:from|into|update|join)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TENANT_ENTITY = Pattern.compile("@Table\\(name = \"(\\w+)\"\\)[\\s\\S]*?extends TenantOwned");

    @Test
    void everyNativeStatementOnATenantTableNamesTheTenant() throws IOException {
        Set<String> tenantTables = tenantTables();
        assertThat(tenantTables).as("tables of the entities that extend TenantOwned").contains("expense_report", "mail_outbox", "action_log");
        List<String> statements = new ArrayList<>();
        List<String> unrouted = new ArrayList<>();
        for (Path file : sources()) {
            String name = file.getFileName().toString();
            String source = Files.readString(file);
            Matcher call = CALL.matcher(source);
            while (call.find()) {
                String argument = argument(source, call.end());
                String sql = literals(constant(source, argument));
                statements.add(name + ": " + sql);
                if (sql.isBlank()) {
                    if (!GENERATED.contains(name)) {
                        unrouted.add(name + ": a statement built at run time: " + argument);
                    }
                    continue;
                }
                Set<String> touched = new TreeSet<>();
                Matcher table = TABLE.matcher(sql);
                while (table.find()) {
                    if (tenantTables.contains(table.group(1).toLowerCase())) {
                        touched.add(table.group(1).toLowerCase());
                    }
                }
                touched.removeAll(ACROSS_TENANTS.getOrDefault(name, Set.of()));
                boolean named = sql.contains("tenant_id") || TENANT_FUNCTIONS.stream().anyMatch(f -> sql.contains(f + "("));
                if (!touched.isEmpty() && !named) {
                    unrouted.add(name + ": " + touched + " without tenant_id: " + sql);
                }
            }
        }
        assertThat(statements).as("the native statements found").hasSizeGreaterThan(20);
        assertThat(unrouted).as("native statements a sharded database could not route to one tenant").isEmpty();
    }

    @Test
    void theCheckFindsAStatementWithoutTheTenant() {
        String sql = literals("\"SELECT count(*) FROM expense_report\" + \" WHERE status = ?\")");
        Matcher table = TABLE.matcher(sql);
        assertThat(table.find()).isTrue();
        assertThat(table.group(1)).isEqualTo("expense_report");
        assertThat(sql).doesNotContain("tenant_id");
    }

    private static Set<String> tenantTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ENTITIES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher entity = TENANT_ENTITY.matcher(Files.readString(file));
                if (entity.find()) {
                    tables.add(entity.group(1));
                }
            }
        }
        return tables;
    }

    private static List<Path> sources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                all.addAll(files.filter(p -> p.toString().endsWith(".java")).toList());
            }
        }
        return all;
    }

    /** The text of a call's arguments, up to its closing parenthesis, strings skipped. */
    private static String argument(String source, int start) {
        int depth = 1;
        int i = start;
        while (i < source.length() && depth > 0) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) + 3;
                continue;
            }
            if (c == '"') {
                i++;
                while (source.charAt(i) != '"') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return source.substring(start, i - 1);
    }

    /** A constant's initialiser, when the argument names a constant of the same file. */
    private static String constant(String source, String argument) {
        if (!argument.matches("[A-Z_]+")) {
            return argument;
        }
        Matcher declaration = Pattern.compile("\\b" + argument + " =([^;]*);").matcher(source);
        return declaration.find() ? declaration.group(1) : argument;
    }

    private static String literals(String argument) {
        Matcher literal = LITERAL.matcher(argument);
        List<String> parts = new ArrayList<>();
        while (literal.find()) {
            parts.add(literal.group(1) != null ? literal.group(1) : literal.group(2));
        }
        return parts.stream().collect(Collectors.joining()).replaceAll("\\s+", " ").trim();
    }
}
