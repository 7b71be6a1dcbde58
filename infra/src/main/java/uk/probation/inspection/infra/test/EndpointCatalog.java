package uk.probation.inspection.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every REST method a module declares, read from its compiled classes: HTTP method, path template and the
 * security annotation in force. The security tests iterate this catalogue, so a new endpoint cannot skip them.
 */
public final class EndpointCatalog {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Set<String> SECURITY = Set.of("RolesAllowed", "PermitAll", "DenyAll", "Authenticated");

    /** One endpoint; {@code roles} is empty for PermitAll/Authenticated/DenyAll, {@code security} names which. */
    public record Endpoint(String httpMethod, String path, String javaMethod, String security, List<String> roles) {

        /** The path with every template parameter replaced by a plausible value. */
        public String samplePath() {
            return path.replaceAll("\\{id[^}]*}", "00000000-0000-4000-8000-000000000001")
                    .replaceAll("\\{caseRef[^}]*}", "NEW-001")
                    .replaceAll("\\{questionId[^}]*}", "2.2.1")
                    .replaceAll("\\{standardId[^}]*}", "1.1")
                    .replaceAll("\\{region[^}]*}", "London")
                    .replaceAll("\\{[^}]*}", "x1");
        }

        @Override
        public String toString() {
            return httpMethod + " " + path + " (" + javaMethod + ")";
        }
    }

    private EndpointCatalog() {
    }

    /** The package of the shared platform module, whose endpoints (such as /admin/outbox) every service serves. */
    static final String PLATFORM_PACKAGE = "uk.probation.inspection.platform";

    /**
     * Scans {@code target/classes} of the module whose tests are running, and the platform classes on its
     * classpath: their endpoints are this service's too.
     */
    public static List<Endpoint> ofThisModule() {
        List<Endpoint> endpoints = new ArrayList<>(scan(Path.of("target", "classes")));
        for (Endpoint shared : onClasspath(PLATFORM_PACKAGE)) {
            if (!endpoints.contains(shared)) {
                endpoints.add(shared);
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    /** Endpoints of every class of {@code packageName} (and below) on the classpath, in directories or jars. */
    public static List<Endpoint> onClasspath(String packageName) {
        String folder = packageName.replace('.', '/');
        List<Endpoint> endpoints = new ArrayList<>();
        try {
            for (URL url : Collections.list(ClassLoader.getSystemClassLoader().getResources(folder))) {
                for (String name : classNames(url, folder)) {
                    Class<?> type = load(name);
                    if (type != null && annotation(type.getAnnotations(), "Path") != null) {
                        endpoints.addAll(endpointsOf(type));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    private static List<String> classNames(URL url, String folder) throws IOException {
        List<String> names = new ArrayList<>();
        if ("file".equals(url.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(url.toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
            Path root = dir;
            for (int i = 0; i < folder.split("/").length; i++) {
                root = root.getParent();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    names.add(root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""));
                }
            }
        } else if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (entry.getName().startsWith(folder + "/") && entry.getName().endsWith(".class")) {
                        names.add(entry.getName().replace('/', '.').replaceAll("\\.class$", ""));
                    }
                }
            }
        }
        return names;
    }

    public static List<Endpoint> scan(Path classesDir) {
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classesDir.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type != null && annotation(type.getAnnotations(), "Path") != null) {
                    endpoints.addAll(endpointsOf(type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    /** Endpoints with no explicit security annotation on the method or its class. */
    public static List<Endpoint> unannotated(List<Endpoint> endpoints) {
        return endpoints.stream().filter(e -> e.security() == null).toList();
    }

    private static List<Endpoint> endpointsOf(Class<?> type) {
        List<Endpoint> result = new ArrayList<>();
        String base = pathValue(annotation(type.getAnnotations(), "Path"));
        for (Method method : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                continue;
            }
            Annotation[] annotations = method.getAnnotations();
            String http = Arrays.stream(annotations).map(a -> a.annotationType().getSimpleName())
                    .filter(HTTP_METHODS::contains).findFirst().orElse(null);
            if (http == null) {
                continue;
            }
            String sub = pathValue(annotation(annotations, "Path"));
            Annotation security = securityOf(annotations);
            if (security == null) {
                security = securityOf(type.getAnnotations());
            }
            String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            result.add(new Endpoint(http, path, type.getSimpleName() + "#" + method.getName(),
                    security == null ? null : security.annotationType().getSimpleName(), rolesOf(security)));
        }
        return result;
    }

    private static Annotation securityOf(Annotation[] annotations) {
        return Arrays.stream(annotations).filter(a -> SECURITY.contains(a.annotationType().getSimpleName()))
                .findFirst().orElse(null);
    }

    private static List<String> rolesOf(Annotation security) {
        if (security == null || !security.annotationType().getSimpleName().equals("RolesAllowed")) {
            return List.of();
        }
        try {
            return List.of((String[]) security.annotationType().getMethod("value").invoke(security));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Annotation annotation(Annotation[] annotations, String simpleName) {
        return Arrays.stream(annotations).filter(a -> a.annotationType().getSimpleName().equals(simpleName)
                && a.annotationType().getPackageName().startsWith("jakarta.ws.rs")).findFirst().orElse(null);
    }

    private static String pathValue(Annotation path) {
        if (path == null) {
            return "";
        }
        try {
            return (String) path.annotationType().getMethod("value").invoke(path);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
