package uk.probation.inspection.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import uk.probation.inspection.infra.run.LocalSystem;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * The inspector workspace in headless Chromium against the packaged system: an inspector records a case's answers
 * by keyboard and sees the provisional rating (rating-service's panel, framed beside the case) move without a
 * reload; an edit conflict with the lead is shown and resolved; the lead adds a team member and records a judgement.
 * axe-core runs inside every page visited; no serious or critical violation is allowed. Screenshots:
 * target/screenshots/workspace-*.png.
 *
 * People sign in through the local provider's sign-in page (authorization code flow with PKCE, session cookies);
 * the framed ratings panel signs in to rating-service silently on the provider session. Switching person is a
 * sign-out (which ends the provider session) and a new sign-in.
 */
class WorkspaceBrowserTest {

    /** Free ports: the workspace is told where the ratings panel is, and the panel who may frame it. */
    @RegisterExtension
    static final BrowserSystem SYSTEM = BrowserSystem.of("workspace", "workspace-run").checkingLogsForTokens()
            .configured(options -> options.withServiceEnv(Map.of(
                    "WORKSPACE_RATINGS_URL", "http://127.0.0.1:" + port(options, "rating-service"),
                    "PIP_PANEL_FRAME_ANCESTORS", "http://127.0.0.1:" + port(options, "case-service"))));
    private static LocalSystem system;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void browserWaits() {
        system = SYSTEM.system();
        browser = SYSTEM.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    private static int port(LocalSystem.Options options, String service) {
        return options.services().stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow().port();
    }

    /** Opens the workspace, which sends the browser to the provider's sign-in page; chooses {@code user} by keyboard. */
    private static void signInAs(String cases, String user) throws Exception {
        browser.get(cases + "/workspace/");
        By button = By.id("sign-in-" + user);
        wait.until(d -> !d.findElements(button).isEmpty());
        SYSTEM.screenshot("workspace-00-sign-in-" + user);
        browser.findElement(button).sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().startsWith(cases + "/workspace/") && !d.findElements(By.tagName("h1")).isEmpty()
                && d.findElement(By.tagName("h1")).getText().equals("My inspections"));
    }

    private static void signOut(String cases) {
        browser.get(cases + "/workspace/sign-out");
        wait.until(d -> !d.getCurrentUrl().contains("/workspace/sign-out"));
    }

    @Test
    void inspectorAndLeadWorkInTheWorkspace() throws Exception {
        String cases = system.service("case-service").url();
        String lead = system.tokens().token("lena", "lead-inspector", "*");
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Workspace Newham", "region", "London", "pdu", "Newham", "frameworkId",
                        "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24",
                        "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        String csv = String.join("\n", Files.readString(GoldenData.newham("cases.csv")).lines().limit(3).toList()) + "\n";
        given().auth().oauth2(lead).contentType("text/csv").body(csv).post(cases + "/inspections/" + id + "/cases")
                .then().statusCode(201);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("role", "INSPECTOR"))
                .put(cases + "/inspections/" + id + "/team/ivan").then().statusCode(200);

        // The inspector: my inspections → the inspection → a case, by keyboard.
        signInAs(cases, "ivan");
        wait.until(d -> !d.findElements(By.linkText("Workspace Newham")).isEmpty());
        SYSTEM.assertAccessible("workspace-01-my-inspections");
        browser.findElement(By.linkText("Workspace Newham")).sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("/workspace/inspections/" + id));
        wait.until(d -> d.findElement(By.id("case-count")).getText().contains("Showing 2 of 2 cases"));
        SYSTEM.assertAccessible("workspace-02-cases");
        browser.findElement(By.linkText("NEW-001")).sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("/cases/NEW-001"));
        SYSTEM.assertAccessible("workspace-03-case");

        // The panel starts with nothing relevant for 2.2.1
        awaitPanel("kq-2.2.1", "none relevant yet");

        // Keyboard only: focus the first choice of 2.2.1, arrow to "No" (radios move with arrows), the script saves it
        WebElement yes = browser.findElement(By.id("q-2-2-1-YES"));
        browser.executeScript("arguments[0].focus()", yes);
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        awaitText(By.cssSelector("#q-2-2-1 .pip-save__status"), "Saved");
        awaitPanel("kq-2.2.1", "1 of 1 (100%)");
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform(); // now "No"
        awaitText(By.id("q-2-2-1-status"), "Saved: No");
        awaitPanel("kq-2.2.1", "0 of 1 (0%)");
        SYSTEM.screenshot("workspace-04-answered-panel-moved");
        // and a note, typed then left with Tab
        browser.findElement(By.id("q-2-2-1-note")).sendKeys("No assessment on file", Keys.TAB);
        wait.until(d -> "No assessment on file".equals(answer(cases, lead, id, "NEW-001", "2.2.1", "note")));
        assertEquals("NO", answer(cases, lead, id, "NEW-001", "2.2.1", "answer"));

        // An edit conflict: the lead answers 2.2.2 after this page was loaded (it showed no answer)
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("answer", "YES", "note", "Lead's view"))
                .put(cases + "/inspections/" + id + "/cases/NEW-001/answers/2.2.2").then().statusCode(200);
        WebElement no = browser.findElement(By.id("q-2-2-2-NO"));
        browser.executeScript("arguments[0].focus()", no);
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        wait.until(d -> !d.findElements(By.id("q-2-2-2-conflict")).isEmpty());
        String conflict = browser.findElement(By.id("q-2-2-2-conflict")).getText();
        assertTrue(conflict.contains("lena saved “Yes”") && conflict.contains("Lead's view"), conflict);
        assertTrue(browser.findElement(By.cssSelector(".govuk-error-summary")).isDisplayed());
        SYSTEM.assertAccessible("workspace-05-conflict");
        WebElement keep = browser.findElement(By.cssSelector("#q-2-2-2-conflict button[value='mine']"));
        browser.executeScript("arguments[0].focus()", keep);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(d -> d.getCurrentUrl().contains("saved=2.2.2"));
        assertEquals("NO", answer(cases, lead, id, "NEW-001", "2.2.2", "answer"));
        SYSTEM.screenshot("workspace-06-conflict-resolved");

        // The lead: add a team member, record a judgement, see the publishing task list
        signOut(cases);
        signInAs(cases, "lena");
        browser.get(cases + "/workspace/inspections/" + id + "/team");
        SYSTEM.assertAccessible("workspace-07-team");
        browser.findElement(By.id("username")).sendKeys("oscar");
        browser.executeScript("arguments[0].focus()", browser.findElement(By.id("role")));
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        browser.findElement(By.id("username")).sendKeys(Keys.ENTER);
        awaitText(By.cssSelector(".govuk-notification-banner"), "oscar was added to the team");
        SYSTEM.assertAccessible("workspace-08-team-added");

        browser.get(cases + "/workspace/inspections/" + id + "/judgements");
        // a bad submission first: the error summary, nothing saved
        browser.findElement(By.cssSelector("#standard-q-1-1 button[type='submit']")).sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
        SYSTEM.assertAccessible("workspace-09-judgement-errors");
        browser.executeScript("arguments[0].focus()", browser.findElement(By.id("standard-q-1-1-rating-GOOD")));
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        browser.findElement(By.id("standard-q-1-1-rationale")).sendKeys("Clear vision, well communicated.");
        browser.findElement(By.id("standard-q-1-1-strengths")).sendKeys("A clear vision.");
        browser.findElement(By.id("standard-q-1-1-areas")).sendKeys("Succession planning.");
        browser.findElement(By.cssSelector("#standard-q-1-1 button[type='submit']")).sendKeys(Keys.ENTER);
        awaitText(By.cssSelector(".govuk-notification-banner"), "Judgement for 1.1 saved");
        given().auth().oauth2(lead).get(cases + "/inspections/" + id + "/judgements").then().statusCode(200)
                .body("[0].rating", org.hamcrest.Matchers.equalTo("GOOD"));
        SYSTEM.assertAccessible("workspace-10-judgement-saved");

        // The report's text: a recommendation typed into the blank row and saved, through the same API.
        browser.get(cases + "/workspace/inspections/" + id + "/report");
        SYSTEM.assertAccessible("workspace-11-report-text");
        browser.findElement(By.id("rec-1-addressee")).sendKeys("The PDU head");
        browser.findElement(By.id("rec-1-text")).sendKeys("Make sure every assessment considers risk to children.");
        browser.findElement(By.cssSelector("#recommendations button[value='save']")).sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector(".govuk-notification-banner")).isEmpty());
        given().auth().oauth2(lead).get(cases + "/inspections/" + id + "/recommendations").then().statusCode(200)
                .body("recommendations[0].addressee", org.hamcrest.Matchers.equalTo("The PDU head"));
        SYSTEM.assertAccessible("workspace-12-report-text-saved");
        browser.get(cases + "/workspace/inspections/" + id + "/agreement");
        SYSTEM.assertAccessible("workspace-13-agreement");

        browser.get(cases + "/workspace/inspections/" + id + "/publish");
        wait.until(d -> !d.findElements(By.cssSelector(".govuk-task-list")).isEmpty());
        SYSTEM.assertAccessible("workspace-14-publish");
    }

    private static String answer(String cases, String token, String id, String caseRef, String question, String field) {
        List<Map<String, Object>> answers = given().auth().oauth2(token).get(cases + "/inspections/" + id + "/cases/" + caseRef)
                .then().statusCode(200).extract().jsonPath().getList("answers");
        return answers.stream().filter(a -> question.equals(a.get("questionId"))).map(a -> (String) a.get(field))
                .findFirst().orElse(null);
    }

    /** Waits until the framed panel's row shows {@code text}, switching into the frame and back. */
    private static void awaitPanel(String rowId, String text) {
        wait.until(d -> {
            try {
                d.switchTo().frame(d.findElement(By.cssSelector("iframe.pip-panel__frame")));
                List<WebElement> row = d.findElements(By.id(rowId));
                return !row.isEmpty() && row.get(0).getText().contains(text);
            } finally {
                d.switchTo().defaultContent();
            }
        });
    }

    private static void awaitText(By locator, String text) {
        wait.until(d -> !d.findElements(locator).isEmpty() && d.findElement(locator).getText().contains(text));
    }
}
