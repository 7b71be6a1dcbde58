package uk.probation.inspection.platform.signin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignedOutPageTest {

    @Test
    void linksBackToTheServicesPages() {
        String html = SignedOutPage.html("/dashboard/");
        assertTrue(html.contains("<h1>You are signed out</h1>"), html);
        assertTrue(html.contains("<a href=\"/dashboard/\" id=\"sign-in-again\">Sign in again</a>"), html);
        assertFalse(html.contains("{"), "every placeholder filled: " + html);
    }
}
