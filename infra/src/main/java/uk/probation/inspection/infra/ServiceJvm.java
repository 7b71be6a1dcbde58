package uk.probation.inspection.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which JVM runs the packaged services, and with which options: the newest JDK of at least {@value #PREFERRED} found
 * (Temurin 25 on these machines) rather than the default 17 (docs/benchmarks.md, issue 18), and this JVM's own
 * where there is no other.
 *
 * <p>Overrides, for benchmarks and odd machines: {@code PIP_SERVICE_JAVA_HOME} (or the system property
 * {@code pip.service.java.home}) names the JDK; {@code pip.service.jvm.extra} adds options (space-separated);
 * {@code pip.service.aot=true} (or {@code PIP_SERVICE_AOT=true}) turns the AOT cache on.
 */
public final class ServiceJvm {

    /** The lowest feature version preferred over the launcher's own JVM. */
    public static final int PREFERRED = 21;
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private ServiceJvm() {
    }

    /** The JDK (its home) the services run on. */
    public static Path javaHome() {
        String configured = System.getProperty("pip.service.java.home", System.getenv("PIP_SERVICE_JAVA_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path own = Path.of(System.getProperty("java.home"));
        return newestUnder(Path.of("/usr/lib/jvm")).filter(home -> featureVersion(home) > featureVersion(own))
                .orElse(own);
    }

    /** The newest JDK of at least {@link #PREFERRED} in {@code dir} that has a working layout (bin/java, release). */
    static Optional<Path> newestUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(dir)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureVersion(home) >= PREFERRED)
                    .max(Comparator.comparingInt(ServiceJvm::featureVersion).thenComparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version (17, 25, ...) a JDK's {@code release} file names; 0 when it cannot be read. */
    public static int featureVersion(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    public static Path java(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /**
     * The options for one service: {@code base}, the jar's Add-Opens, the configured extras, and on JDK 25 or later,
     * when turned on, its AOT cache (JEP 483/514): used when it exists beside the packaged application, else written
     * by this run when it ends (so the first start trains it). A cache is only valid for the same options, so its name
     * carries their hash.
     */
    public static Options options(Path home, Path app, List<String> base) {
        List<String> options = new ArrayList<>(base);
        options.addAll(addOpens(app));
        String extra = System.getProperty("pip.service.jvm.extra", "");
        for (String option : extra.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        if (featureVersion(home) < 25 || !aotEnabled()) {
            return new Options(options, null, null);
        }
        Path cache = app.resolveSibling("app-" + Integer.toHexString(options.hashCode()) + ".aot");
        if (Files.isRegularFile(cache)) {
            options.add("-XX:AOTCache=" + cache);
            return new Options(options, cache, null);
        }
        removeStaleTraining(app.getParent());
        Path training = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".tmp");
        options.add("-XX:AOTCacheOutput=" + training);
        return new Options(options, cache, training);
    }

    /**
     * The jar manifest's {@code Add-Opens} as options: it only applies to {@code java -jar}, and the services are
     * started with {@code -cp} (behind ParentWatch). On JDK 24 and later jboss-threads fails without
     * {@code java.base/java.lang} open ("to use the thread-local-reset capability on Java 24 or later ..."), and
     * its executor threads die.
     */
    static List<String> addOpens(Path app) {
        List<String> options = new ArrayList<>();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(app.toFile())) {
            java.util.jar.Manifest manifest = jar.getManifest();
            String opens = manifest == null ? null : manifest.getMainAttributes().getValue("Add-Opens");
            if (opens != null) {
                for (String target : opens.trim().split("\\s+")) {
                    if (!target.isEmpty()) {
                        options.add("--add-opens=" + target + "=ALL-UNNAMED");
                    }
                }
            }
        } catch (IOException e) {
            // not a jar (or unreadable): nothing to open
        }
        return options;
    }

    /**
     * The AOT cache is opt-in ({@code pip.service.aot=true} or {@code PIP_SERVICE_AOT=true}): its training run starts
     * slower and assembles the cache on exit, and on the loaded machine of these measurements its gain at start-up
     * could not be shown (docs/benchmarks.md, issue 18); bench's start-up step turns it on for its variants.
     */
    static boolean aotEnabled() {
        return "true".equalsIgnoreCase(System.getProperty("pip.service.aot", System.getenv("PIP_SERVICE_AOT")));
    }

    /** Training outputs of runs that were killed before they were adopted (their writer may have gone on alone). */
    private static void removeStaleTraining(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            long old = System.currentTimeMillis() - 10 * 60_000;
            files.filter(f -> f.getFileName().toString().matches("app-.*\\.aot\\..*\\.tmp(\\.config)?"))
                    .filter(f -> f.toFile().lastModified() < old).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // nothing to clean
        }
    }

    /**
     * @param cache the AOT cache these options use or train, null without one
     * @param training where this run writes the cache on exit, to be moved to {@code cache}; null when it uses one
     */
    public record Options(List<String> jvmOptions, Path cache, Path training) {

        /**
         * After the process ended: its training output becomes the cache (first one wins), unless the process was
         * killed — then the cache may be incomplete, and the next start trains again.
         */
        public void adoptTraining(boolean killed) {
            if (training == null) {
                return;
            }
            try {
                if (!killed && Files.isRegularFile(training) && Files.size(training) > 0 && !Files.exists(cache)) {
                    Files.move(training, cache, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                Files.deleteIfExists(training);
            } catch (IOException e) {
                // another instance won the race, or the directory went away: the next start trains again
            }
        }
    }
}
