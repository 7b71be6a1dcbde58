package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * {@link ParentWatch} as a jar of its own when this module runs from {@code target/classes}: a JDK 25 AOT cache
 * refuses a classpath holding a directory ("Cannot have non-empty directory in paths"), so a child's classpath
 * must be jars only. ParentWatch uses nothing but the JDK, so its one class is all the jar holds.
 */
final class ParentWatchJar {

    private ParentWatchJar() {
    }

    /** {@code ownLocation} itself when it is a jar, else a jar of ParentWatch built beside that directory. */
    static String location(String ownLocation) {
        Path own = Path.of(ownLocation);
        if (!Files.isDirectory(own)) {
            return ownLocation;
        }
        String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
        Path classFile = own.resolve(entry);
        Path jar = own.resolveSibling("parent-watch.jar");
        try {
            if (Files.exists(jar) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(classFile)) >= 0) {
                return jar.toString();
            }
            Path tmp = Files.createTempFile(own.getParent(), "parent-watch", ".jar");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jarOut = new JarOutputStream(out);
                    InputStream in = Files.newInputStream(classFile)) {
                jarOut.putNextEntry(new JarEntry(entry));
                in.transferTo(jarOut);
                jarOut.closeEntry();
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + jar, e);
        }
    }
}
