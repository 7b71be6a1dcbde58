package uk.probation.inspection.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are, relative to the deploy module. */
final class Paths {

    private Paths() {
    }

    static Path deploy() {
        String dir = System.getProperty("deploy.dir");
        Path p = dir != null ? Path.of(dir) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(p.resolve("overlays"))) {
            throw new IllegalStateException("deploy module not found at " + p + " (set -Ddeploy.dir)");
        }
        return p.toAbsolutePath().normalize();
    }

    static Path overlay(String name) {
        return deploy().resolve("overlays").resolve(name);
    }

    /** Every overlay: a directory under overlays/ holding a kustomization.yaml. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(deploy().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path readme() {
        return deploy().resolve("README.md");
    }

    static Path realmExport() {
        return deploy().resolve("base/keycloak/realm/probation-inspection-realm.json");
    }

    /** {@code ../<service>/src/main/resources/application.properties}. */
    static Path applicationProperties(String service) {
        return deploy().getParent().resolve(service).resolve("src/main/resources/application.properties");
    }

    static Path serviceModule(String service) {
        return deploy().getParent().resolve(service);
    }
}
