package uk.probation.inspection.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** The folders a browser test writes: its run directory and its screenshots. */
final class RunDirs {

    private RunDirs() {
    }

    /** target/{@code name}, emptied: a fresh broker and database each run (the broker refuses a formatted directory). */
    static Path fresh(String name) throws IOException {
        Path dir = Path.of("target", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return dir;
    }

    /** What {@code browser} shows, as {@code dir}/{@code name}.png. */
    static void screenshot(WebDriver browser, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
