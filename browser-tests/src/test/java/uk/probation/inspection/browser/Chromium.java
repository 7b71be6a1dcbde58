package uk.probation.inspection.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through its ChromeDriver ({@code chromium.binary}, {@code chromedriver.binary}). */
final class Chromium {

    private Chromium() {
    }

    /**
     * A new browser with a profile of its own, on a driver service of its own: quitting a ChromeDriver stops the
     * service it was started with, so browsers never share one.
     */
    static ChromeDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile").toAbsolutePath());
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build(), options);
    }
}
