package uk.probation.inspection.infra.test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden data set in the {@code shared} folder beside the repository, for tests only: the product
 * ships its own copy of the demo data.
 */
public final class GoldenData {

    private GoldenData() {
    }

    /** The Newham folder, found by walking up from the working directory. */
    public static Path newham() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("newham");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/data/newham not found above " + Path.of("").toAbsolutePath());
    }

    public static Path newham(String file) {
        return newham().resolve(file);
    }
}
