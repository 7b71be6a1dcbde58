package uk.probation.inspection.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

import uk.probation.inspection.infra.run.LocalSystem;

/**
 * The packaged system (the three services on a real broker and PostgreSQL, with the local OIDC provider) and one
 * headless Chromium, started once for a test class and stopped after it; register it as a static
 * {@code @RegisterExtension} field. Screenshots go to target/screenshots/.
 */
final class BrowserSystem implements BeforeAllCallback, AfterAllCallback {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String name;
    private final String runDirName;
    private final UnaryOperator<LocalSystem.Options> configure;
    private final boolean checkLogsForTokens;
    private Path runDir;
    private LocalSystem system;
    private ChromeDriver browser;

    private BrowserSystem(String name, String runDirName, UnaryOperator<LocalSystem.Options> configure,
            boolean checkLogsForTokens) {
        this.name = name;
        this.runDirName = runDirName;
        this.configure = configure;
        this.checkLogsForTokens = checkLogsForTokens;
    }

    /** Runs in target/{@code runDirName} (emptied first), the isolated system named {@code name}. */
    static BrowserSystem of(String name, String runDirName) {
        return new BrowserSystem(name, runDirName, UnaryOperator.identity(), false);
    }

    /** The same, with the options changed before the start (the services' environment, say). */
    BrowserSystem configured(UnaryOperator<LocalSystem.Options> change) {
        return new BrowserSystem(name, runDirName, change, checkLogsForTokens);
    }

    /** The same, failing after the stop if any process's log holds a token ({@link NoTokensInLogs}). */
    BrowserSystem checkingLogsForTokens() {
        return new BrowserSystem(name, runDirName, configure, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        runDir = RunDirs.fresh(runDirName);
        Path root = Path.of("..").toAbsolutePath().normalize();
        system = LocalSystem.start(configure.apply(LocalSystem.Options.isolated(root, runDir, name, true)));
        Files.createDirectories(SCREENSHOTS); // the tests also write pages beside their screenshots
        browser = Chromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.stop();
            if (checkLogsForTokens) {
                NoTokensInLogs.check(runDir);
            }
        }
    }

    LocalSystem system() {
        return system;
    }

    ChromeDriver browser() {
        return browser;
    }

    /** What the browser shows, as target/screenshots/{@code name}.png. */
    void screenshot(String name) throws Exception {
        RunDirs.screenshot(browser, SCREENSHOTS, name);
    }

    /** axe-core inside the page (and its frames): a screenshot, then no serious or critical violation allowed. */
    void assertAccessible(String name) throws Exception {
        screenshot(name);
        assertEquals(List.of(), Axe.seriousViolations(browser),
                name + ": axe-core violations");
    }
}
