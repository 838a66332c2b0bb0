package jp.sapphire.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every URL the application serves, read from the EAR that is deployed — not from a list kept by
 * hand: each web module's context root, its Faces views (the {@code .xhtml} files it serves), the
 * servlet mappings of its web.xml and of {@code @WebServlet} classes, and its JAX-RS resources
 * ({@code @ApplicationPath}, {@code @Path} on classes and methods, with their HTTP methods).
 * Path parameters are filled with a placeholder; wildcard mappings get a sample path.
 */
public final class DeployedUrls {

    /** One way in: a method and a path below the server root. */
    public record Endpoint(String module, String kind, String method, String path) {
    }

    private DeployedUrls() {
    }

    public static List<Endpoint> of(java.nio.file.Path ear) {
        List<Endpoint> endpoints = new ArrayList<>();
        try (ZipFile archive = new ZipFile(ear.toFile())) {
            java.nio.file.Path libs = Files.createTempDirectory("ear-libs");
            List<URL> shared = new ArrayList<>();
            for (ZipEntry entry : archive.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                shared.add(extract(archive, entry, libs).toUri().toURL());
            }
            for (ZipEntry war : archive.stream().filter(e -> e.getName().endsWith(".war")).toList()) {
                java.nio.file.Path file = extract(archive, war, libs);
                endpoints.addAll(ofWar(war.getName().replace(".war", ""), file, shared));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    private static List<Endpoint> ofWar(String module, java.nio.file.Path war, List<URL> shared) throws IOException {
        List<Endpoint> endpoints = new ArrayList<>();
        java.nio.file.Path classes = Files.createTempDirectory(module + "-classes");
        try (ZipFile archive = new ZipFile(war.toFile())) {
            String root = contextRoot(archive, module);
            for (ZipEntry entry : archive.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".xhtml") && !name.startsWith("WEB-INF/") && !name.startsWith("META-INF/")
                        && !name.startsWith("resources/")) {
                    endpoints.add(new Endpoint(module, "view", "GET", join(root, name)));
                } else if (name.startsWith("WEB-INF/classes/") && !entry.isDirectory()) {
                    extract(archive, entry, classes.resolve(name.substring("WEB-INF/classes/".length())).getParent());
                }
            }
            ZipEntry webXml = archive.getEntry("WEB-INF/web.xml");
            if (webXml != null) {
                for (String pattern : servletMappings(read(archive, webXml))) {
                    if (!pattern.startsWith("*.")) {
                        endpoints.add(new Endpoint(module, "servlet", "GET", join(root, sample(pattern))));
                    }
                }
            }
            endpoints.addAll(annotated(module, root, classes, shared));
        }
        return endpoints;
    }

    private static List<Endpoint> annotated(String module, String root, java.nio.file.Path classes, List<URL> shared)
            throws IOException {
        List<URL> path = new ArrayList<>(shared);
        path.add(0, classes.toUri().toURL());
        List<Endpoint> endpoints = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(path.toArray(URL[]::new), DeployedUrls.class.getClassLoader());
             Stream<java.nio.file.Path> files = Files.walk(classes)) {
            List<Class<?>> types = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .<Class<?>>map(name -> load(loader, name))
                    .toList();
            String application = types.stream().map(type -> type.getAnnotation(ApplicationPath.class))
                    .filter(a -> a != null).map(ApplicationPath::value).findFirst().orElse("");
            for (Class<?> type : types) {
                WebServlet servlet = type.getAnnotation(WebServlet.class);
                if (servlet != null) {
                    Stream.concat(Arrays.stream(servlet.value()), Arrays.stream(servlet.urlPatterns()))
                            .forEach(p -> endpoints.add(new Endpoint(module, "servlet", "GET", join(root, sample(p)))));
                }
                Path resource = type.getAnnotation(Path.class);
                if (resource != null) {
                    for (Method method : type.getMethods()) {
                        String verb = httpMethod(method);
                        if (verb != null) {
                            Path sub = method.getAnnotation(Path.class);
                            String url = join(join(join(root, application), resource.value()), sub == null ? "" : sub.value());
                            endpoints.add(new Endpoint(module, "rest", verb, url.replaceAll("\\{[^}]+}", "x")));
                        }
                    }
                }
            }
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Cannot inspect " + name, e);
        }
    }

    private static String contextRoot(ZipFile war, String module) throws IOException {
        ZipEntry ext = war.getEntry("WEB-INF/ibm-web-ext.xml");
        if (ext != null) {
            Matcher uri = Pattern.compile("context-root\\s+uri=\"([^\"]*)\"").matcher(read(war, ext));
            if (uri.find()) {
                return uri.group(1);
            }
        }
        return "/" + module;
    }

    private static List<String> servletMappings(String webXml) {
        List<String> patterns = new ArrayList<>();
        Matcher mapping = Pattern.compile("<servlet-mapping>(.*?)</servlet-mapping>", Pattern.DOTALL).matcher(webXml);
        while (mapping.find()) {
            Matcher pattern = Pattern.compile("<url-pattern>([^<]*)</url-pattern>").matcher(mapping.group(1));
            while (pattern.find()) {
                patterns.add(pattern.group(1).strip());
            }
        }
        return patterns;
    }

    private static String sample(String pattern) {
        return pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) + "sample" : pattern;
    }

    private static String join(String base, String path) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String right = path.isEmpty() || path.startsWith("/") ? path : "/" + path;
        return left + right;
    }

    private static String read(ZipFile archive, ZipEntry entry) throws IOException {
        try (InputStream in = archive.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static java.nio.file.Path extract(ZipFile archive, ZipEntry entry, java.nio.file.Path directory) throws IOException {
        Files.createDirectories(directory);
        java.nio.file.Path target = directory.resolve(java.nio.file.Path.of(entry.getName()).getFileName().toString());
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
