package jp.sapphire.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The components of the enterprise beans module depend one way (docs/ARCHITECTURE.md): each may
 * import only the components below it in {@link #ORDER}, read from the imports of every source
 * file, so a new import that points upwards fails here.
 */
class ComponentDependenciesTest {

    /** Lowest first. */
    static final List<String> ORDER = List.of("platform", "secrets", "operations", "schema", "audit", "defence", "tenant", "maintenance", "identity", "organization",
            "expense", "receipt", "actionlog", "notification", "approval", "admin", "payment", "journal", "onboarding", "incident", "notice", "backup", "monitoring", "demo");

    private static final Path SOURCES = Path.of("src/main/java/jp/sapphire");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?jp\\.sapphire\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void everyComponentIsInTheOrder() throws IOException {
        try (Stream<Path> components = Files.list(SOURCES)) {
            assertThat(components.filter(Files::isDirectory).map(path -> path.getFileName().toString()))
                    .as("components of the ejb module; add a new one to ORDER and to docs/ARCHITECTURE.md")
                    .allMatch(ORDER::contains);
        }
    }

    @Test
    void aComponentImportsOnlyComponentsBelowIt() throws IOException {
        List<String> upwards = new ArrayList<>();
        imports().forEach((component, used) -> used.forEach(other -> {
            if (ORDER.indexOf(other) > ORDER.indexOf(component)) {
                upwards.add(component + " imports " + other);
            }
        }));
        assertThat(upwards).isEmpty();
    }

    @Test
    void noTwoComponentsImportEachOther() throws IOException {
        Map<String, Set<String>> imports = imports();
        List<String> pairs = new ArrayList<>();
        imports.forEach((component, used) -> used.forEach(other -> {
            if (imports.getOrDefault(other, Set.of()).contains(component) && component.compareTo(other) < 0) {
                pairs.add(component + " <-> " + other);
            }
        }));
        assertThat(pairs).isEmpty();
    }

    /** For each component, the other components its source files import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String component = SOURCES.relativize(file).getName(0).toString();
                Matcher imported = IMPORT.matcher(read(file));
                while (imported.find()) {
                    if (!imported.group(1).equals(component)) {
                        imports.computeIfAbsent(component, c -> new TreeSet<>()).add(imported.group(1));
                    }
                }
            });
        }
        assertThat(imports).as("the sources were found").isNotEmpty();
        return imports;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
