package uk.probation.inspection.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {

    @TempDir
    Path dir;

    private Path jdk(String name, String version, boolean executable) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        if (executable) {
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return home;
    }

    @Test
    void picksTheNewestJdkOfAtLeast21AndSkipsBrokenOnes() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15", true);
        jdk("temurin-21-jdk", "21.0.4", true);
        Path newest = jdk("temurin-25-jdk-amd64", "25.0.3", true);
        jdk("temurin-26-no-release", null, true);
        jdk("temurin-27-not-executable", "27", false);
        assertEquals(newest, ServiceJvm.newestUnder(dir).orElseThrow());
        assertEquals(25, ServiceJvm.featureVersion(newest));
        assertEquals(0, ServiceJvm.featureVersion(dir.resolve("temurin-26-no-release")));
    }

    @Test
    void theManifestsAddOpensBecomeOptionsSinceTheServicesStartWithClasspath() throws IOException {
        Path app = dir.resolve("quarkus-run.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Add-Opens", "java.base/java.lang java.base/java.util");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(app), manifest)) {
            // the manifest is all it needs
        }
        assertEquals(List.of("-Xmx128m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED"),
                ServiceJvm.options(jdk("j17", "17.0.15", true), app, List.of("-Xmx128m")).jvmOptions());
    }

    @Test
    void noneWhereOnly17IsInstalled() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15", true);
        assertTrue(ServiceJvm.newestUnder(dir).isEmpty());
        assertTrue(ServiceJvm.newestUnder(dir.resolve("absent")).isEmpty());
    }

    @Test
    void aotCacheOnlyOn25AndTrainedUnderItsOwnName() throws IOException {
        System.setProperty("pip.service.aot", "true");
        try {
            aotCache();
        } finally {
            System.clearProperty("pip.service.aot");
        }
    }

    @Test
    void noAotCacheUnlessTurnedOn() throws IOException {
        Path app = Files.writeString(dir.resolve("quarkus-run.jar"), "");
        assertEquals(List.of("-Xmx128m"), ServiceJvm.options(jdk("j25", "25.0.3", true), app, List.of("-Xmx128m")).jvmOptions());
    }

    private void aotCache() throws IOException {
        Path app = Files.writeString(dir.resolve("quarkus-run.jar"), "");
        Path jdk17 = jdk("j17", "17.0.15", true);
        Path jdk25 = jdk("j25", "25.0.3", true);
        ServiceJvm.Options on17 = ServiceJvm.options(jdk17, app, List.of("-Xmx128m"));
        assertEquals(List.of("-Xmx128m"), on17.jvmOptions());
        assertNull(on17.cache());

        ServiceJvm.Options training = ServiceJvm.options(jdk25, app, List.of("-Xmx128m"));
        assertTrue(training.jvmOptions().get(1).startsWith("-XX:AOTCacheOutput="), training.jvmOptions().toString());
        Files.writeString(training.training(), "cache");
        training.adoptTraining(true); // killed: possibly incomplete, not adopted
        assertFalse(Files.exists(training.cache()));

        training = ServiceJvm.options(jdk25, app, List.of("-Xmx128m"));
        Files.writeString(training.training(), "cache");
        training.adoptTraining(false);
        assertTrue(Files.exists(training.cache()));
        assertFalse(Files.exists(training.training()));

        ServiceJvm.Options using = ServiceJvm.options(jdk25, app, List.of("-Xmx128m"));
        assertEquals(List.of("-Xmx128m", "-XX:AOTCache=" + training.cache()), using.jvmOptions());
        // other options, another cache: one trained with other flags would be refused by the JVM
        ServiceJvm.Options other = ServiceJvm.options(jdk25, app, List.of("-Xmx256m"));
        assertTrue(other.jvmOptions().get(1).startsWith("-XX:AOTCacheOutput="));
    }
}
