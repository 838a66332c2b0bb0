package jp.sapphire.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What lives in an HTTP session must serialize: the sessions are written to PostgreSQL after every
 * request and read by whichever web server the next request reaches (docs/SCALING.md). A field that
 * does not serialize is not written, and a member whose server dies loses that page's state — so
 * every view-, session- and conversation-scoped bean of the UI, and what the sign-in keeps in the
 * session, is walked field by field here, through the types of its collections and maps.
 */
class PassivationTest {

    private static final Path CLASSES = Path.of("target/classes");

    /** What the sign-in keeps in the session besides the beans. */
    private static final List<String> SESSION_ATTRIBUTES = List.of("jp.sapphire.identity.view.BrowserSession$Member",
            "jp.sapphire.identity.control.PendingSignIn");

    @Test
    void everythingASessionHoldsSerializes() throws Exception {
        List<Class<?>> roots = new ArrayList<>(scopedBeans());
        for (String name : SESSION_ATTRIBUTES) {
            roots.add(Class.forName(name));
        }
        assertThat(roots).as("the scoped beans were found").hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        Set<Type> seen = new HashSet<>();
        for (Class<?> root : roots) {
            check(root, root.getSimpleName(), seen, problems);
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Transient fields arrive empty on the server that reads the session back; a bean that keeps
     * what it read from the database in them reads it again there ({@link Rereads}). These keep
     * only what one request shows (a preview, an upload, a sample's result) or read lazily.
     */
    private static final Set<String> TRANSIENT_FOR_ONE_REQUEST = Set.of("JournalAdminBacking.preview", "CsvMasterBacking.file",
            "RoutePreviewBacking.preview", "LineDialogBacking.categories", "LineDialogBacking.customFields",
            "LineDialogBacking.rounding", "LineDialogBacking.rules");

    @Test
    void aBeanWithTransientDataReadsItAgainAfterAMoveAndInjectedReferencesAreNeverTransient() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : scopedBeans()) {
            for (Class<?> level = bean; level != null && level != Object.class; level = level.getSuperclass()) {
                for (Field field : level.getDeclaredFields()) {
                    if (!Modifier.isTransient(field.getModifiers())) {
                        continue;
                    }
                    String name = level.getSimpleName() + "." + field.getName();
                    if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                        problems.add(name + ": an injected reference must not be transient, it would be null after a move");
                    } else if (!Rereads.class.isAssignableFrom(bean) && !TRANSIENT_FOR_ONE_REQUEST.contains(name)) {
                        problems.add(name + ": " + bean.getSimpleName() + " keeps it transient but does not read it again (Rereads)");
                    } else if (Rereads.class.isAssignableFrom(bean) && !bean.isAnnotationPresent(ReadAgainAfterMove.class)) {
                        problems.add(bean.getSimpleName() + ": Rereads without @ReadAgainAfterMove is never asked to");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private List<Class<?>> scopedBeans() throws Exception {
        List<Class<?>> beans = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)
                    || type.isAnnotationPresent(ConversationScoped.class)) {
                beans.add(type);
            }
        }
        return beans;
    }

    private static void check(Type type, String path, Set<Type> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            check(parameterized.getRawType(), path, new HashSet<>(), problems);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, path + "<>", seen, problems);
            }
            return;
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(bound, path, seen, problems);
            }
            return;
        }
        if (type instanceof GenericArrayType array) {
            check(array.getGenericComponentType(), path + "[]", seen, problems);
            return;
        }
        if (!(type instanceof Class<?> raw) || raw == Object.class) {
            return; // a type variable: its bound is checked where it is used with an argument
        }
        if (raw.isPrimitive() || raw.isEnum()) {
            return;
        }
        if (raw.isArray()) {
            check(raw.getComponentType(), path + "[]", seen, problems);
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            return; // the JDK's collections serialize when their elements do, which the arguments were checked for
        }
        if (!Serializable.class.isAssignableFrom(raw)) {
            problems.add(path + ": " + raw.getName() + " is not Serializable");
            return;
        }
        if (raw.getName().startsWith("java.")) {
            return;
        }
        for (Class<?> level = raw; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                        || field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                    continue; // injected: the container's proxies passivate themselves
                }
                check(field.getGenericType(), path + "." + field.getName(), seen, problems);
            }
        }
    }

    private static List<String> classNames() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        }
    }
}
